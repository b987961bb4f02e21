using System.CommandLine;

namespace Summarizer.Cli.Commands;

/// <summary><c>summarizer resume &lt;job-id&gt;</c>: continue a stopped or killed job; nothing finished is paid twice.</summary>
public static class ResumeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var jobId = new Argument<string>("job-id") { Description = "The job to continue." };
        var options = new JobArguments();
        var command = new Command("resume", "Continue a job that was stopped or killed, in its own folder; finished calls come from the cache.") { jobId };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunCommand.RunAsync(
            context,
            (runner, progress) => runner.ResumeAsync(parse.GetValue(jobId)!, options.Request(parse, []), progress, cancellationToken),
            options.Json(parse),
            options.TelemetryConsole(parse)));
        return command;
    }
}

using System.CommandLine;

namespace Summarizer.Cli.Commands;

/// <summary><c>summarizer rerun &lt;job-id&gt; --prompt stage=vN</c>: a new job linked to an old one, paying only for what changed.</summary>
public static class RerunCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var jobId = new Argument<string>("job-id") { Description = "The job to run again." };
        var options = new JobArguments();
        var command = new Command("rerun", "Run an old job again (usually with --prompt stage=vN) as a new job; unchanged calls come from the cache.") { jobId };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunCommand.RunAsync(
            context,
            (runner, progress) => runner.RerunAsync(parse.GetValue(jobId)!, options.Request(parse, []), progress, cancellationToken),
            options.Json(parse),
            options.TelemetryConsole(parse)));
        return command;
    }
}

using System.CommandLine;

namespace Summarizer.Cli.Commands;

/// <summary>
/// <c>summarizer apply &lt;job-id&gt;</c>: a new job linked to a reviewed one, with the reviewers' English in place of the
/// model's and rejected claims left out; only what depends on an edit is paid for.
/// </summary>
public static class ApplyCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var jobId = new Argument<string>("job-id") { Description = "The reviewed job (reviews recorded by 'summarizer import' or the review page)." };
        var options = new JobArguments();
        var command = new Command(
            "apply",
            "Run a reviewed job again as a new job: edited English replaces the model's (marked human), rejected claims are left out; unchanged calls come from the cache.") { jobId };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunCommand.RunAsync(
            context,
            (runner, progress) => runner.ApplyAsync(parse.GetValue(jobId)!, options.Request(parse, []), progress, cancellationToken),
            options.Json(parse),
            options.TelemetryConsole(parse)));
        return command;
    }
}

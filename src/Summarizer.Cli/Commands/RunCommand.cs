using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Cli.Rendering;
using Summarizer.Core.Engines;
using Summarizer.Core.Ingest;
using Summarizer.Core.Jobs;
using Summarizer.Core.Planning;
using Summarizer.Core.Prompts;
using Summarizer.Core.Rendering;
using Summarizer.Core.Outputs;
using Summarizer.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace Summarizer.Cli.Commands;

/// <summary><c>summarizer run &lt;paths…&gt;</c>: translate, summarise and brief a folder of articles.</summary>
public static class RunCommand
{

    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Article files or folders (searched recursively).", Arity = ArgumentArity.OneOrMore };
        var options = new JobArguments();
        var command = new Command("run", "Run the workflow: translate, summarise with citations, merge per article, brief the job.") { paths };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
            RunAsync(context, (runner, progress) => runner.RunAsync(options.Request(parse, parse.GetValue(paths) ?? []), progress, cancellationToken), options.Json(parse), options.TelemetryConsole(parse)));
        return command;
    }

    /// <summary>Runs a job and reports it; shared by every command that runs one.</summary>
    public static async Task<int> RunAsync(CliContext context, Func<JobRunner, IJobProgress, Task<JobResult>> run, bool asJson, bool telemetryConsole = false)
    {
        var runner = context.Services.GetRequiredService<JobRunner>();
        var telemetry = context.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;

        // Off unless asked for: an OTLP endpoint exports, --telemetry console sums the same measurements here.
        using var export = TelemetryExport.Endpoint(telemetry) is null ? null : TelemetryExport.Start(telemetry, context.Services.GetRequiredService<SecretRedactor>().Redact);
        using var summary = telemetryConsole ? new StageTelemetrySummary() : null;
        JobResult result;
        try
        {
            // Configuration, prompt and input errors are reported by the top-level handler (one line, --json too).
            result = await JobProgressDisplay.RunAsync(context, progress => run(runner, progress));
        }
        catch (JobAlreadyDoneException done)
        {
            await context.Out.WriteLineAsync(asJson
                ? CliJson.Serialize(new { job_id = done.JobId, job_dir = done.Directory, status = JobStatuses.Done, resumed = false })
                : done.Message);
            return ExitCodes.Success;
        }

        if (result is { Status: JobStatuses.Waiting, Batch: { } waiting })
        {
            await context.Out.WriteLineAsync(asJson
                ? CliJson.Serialize(new { job_id = result.JobId, job_dir = result.JobDirectory, status = result.Status, round = waiting.Round, calls = waiting.Calls, batch_ids = waiting.BatchIds, batch_status = waiting.Statuses })
                : $"job {result.JobId}: round {waiting.Round} {(waiting.SubmittedNow ? "submitted" : "still open")} ({waiting.Calls} calls in {waiting.BatchIds.Count} batch(es): {string.Join(", ", waiting.Statuses)}). " +
                  $"Run 'summarizer resume {result.JobId}' to continue (it polls until the round ends), or 'summarizer jobs cancel {result.JobId}' to cancel it.");
            return ExitCodes.Success;
        }

        // A done article with a reason kept its outputs through something the user should know (its input changed).
        foreach (var article in result.Articles.Where(a => a.Status is not JobStatuses.Done || a.Reason is not null))
        {
            await context.Error.WriteLineAsync($"{PrintableText.Escape(article.Path)}: {article.Status}: {PrintableText.Escape(article.Reason ?? "some items failed; see manifest.json")}");
        }

        if (asJson)
        {
            await context.Out.WriteLineAsync(CliJson.Serialize(RunReport.From(result)));
        }
        else
        {
            RunSummary.Write(result, context);
        }

        if (summary is not null)
        {
            // With --json, stdout holds one JSON object only.
            TelemetryTable.Write(asJson ? context.Error : context.Out, summary.Rows(result.JobId, TelemetryTable.StageOrder));
        }

        if (result.Parent is not null && !asJson)
        {
            await context.Error.WriteLineAsync($"re-run of {result.Parent}: compare with 'summarizer diff {result.Parent} {result.JobId}'");
        }

        return result.Status switch
        {
            JobStatuses.Done => ExitCodes.Success,
            JobStatuses.Cancelled => ExitCodes.Cancelled,
            _ => ExitCodes.PartialFailure,
        };
    }
}

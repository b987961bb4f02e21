using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Summarizer.Core.Jobs;
using Summarizer.Core.Rendering;
using Summarizer.Core.Store;
using Summarizer.Core.Outputs;
using Summarizer.Cli.Rendering;

namespace Summarizer.Cli.Commands;

/// <summary><c>summarizer jobs list|show|prune</c>: what the job store records, for people first (JSON with <c>--json</c>).</summary>
public static class JobsCommand
{
    /// <summary>Creates <c>jobs</c>.</summary>
    public static Command Create(CliContext context) => new("jobs", "List, inspect, watch, cancel and prune jobs.") { List(context), Show(context), Watch(context), Cancel(context), Prune(context) };

    private static Command List(CliContext context)
    {
        var output = StoreCommands.OutputOption();
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var list = new Command("list", "List jobs, newest first: status, articles, engine and the job each re-runs.") { output, json };
        list.SetAction(parse =>
        {
            var store = StoreCommands.Store(context, parse.GetValue(output));
            var rows = store.ListJobs().Select(job => JobRow.From(store, job)).ToList();
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(CliJson.Serialize(
                    rows.Select(r => new { job_id = r.Job.JobId, status = r.Job.Status, created = r.Job.Created, articles = r.Articles.Count, engine = r.Engine, parent = r.Job.Parent })));
                return ExitCodes.Success;
            }

            if (rows.Count == 0)
            {
                context.Out.WriteLine($"no jobs in {store.DatabasePath}");
                return ExitCodes.Success;
            }

            TextTable.Write(
                context.Out,
                ["job", "status", "created", "articles", "engine", "parent"],
                rows.Select(r => new[]
                {
                    r.Job.JobId, r.Status, r.Job.Created.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    r.Articles.Count.ToString(CultureInfo.InvariantCulture), r.Engine, r.Job.Parent ?? "-",
                }));
            return ExitCodes.Success;
        });
        return list;
    }

    private static Command Show(CliContext context)
    {
        var output = StoreCommands.OutputOption();
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var jobId = new Argument<string>("job-id");
        var show = new Command("show", "Show a job: settings, articles, calls paid and reused per stage.") { jobId, output, json };
        show.SetAction(parse =>
        {
            var store = StoreCommands.Store(context, parse.GetValue(output));
            if (store.GetJob(parse.GetValue(jobId)!) is not { } job)
            {
                context.Error.WriteLine($"error: {new JobNotFoundException(parse.GetValue(jobId)!, store.DatabasePath).Message}");
                return ExitCodes.UsageError;
            }

            var row = JobRow.From(store, job);
            var calls = store.CallCounts(job.JobId);
            if (parse.GetValue(json))
            {
                var view = new
                {
                    job_id = job.JobId, status = job.Status, reason = job.Reason, created = job.Created, finished = job.Finished, parent = job.Parent, directory = job.Directory,
                    request = JsonDocument.Parse(job.Request).RootElement,
                    articles = row.Articles.Select(a => new { id = a.Id, path = a.Path, status = a.Status, reason = a.Reason }),
                    calls = calls.Select(c => new { stage = c.Key.Stage, outcome = c.Key.Outcome, count = c.Value }),
                };
                context.Out.WriteLine(CliJson.Serialize(view));
                return ExitCodes.Success;
            }

            JobSummary.Write(context.Out, row, calls);
            return ExitCodes.Success;
        });
        return show;
    }

    private static Command Watch(CliContext context)
    {
        var jobId = new Argument<string>("job-id") { Description = "The batch job to follow." };
        var options = new JobArguments();
        var watch = new Command("watch", "Follow a batch job: poll its open round every Summarizer:Batch:PollSeconds, then submit the next, until it is done.") { jobId };
        options.AddTo(watch);
        watch.SetAction((parse, cancellationToken) => RunCommand.RunAsync(
            context,
            (runner, progress) => runner.ResumeAsync(parse.GetValue(jobId)!, options.Request(parse, []) with { NoWait = false }, progress, cancellationToken),
            options.Json(parse)));
        return watch;
    }

    private static Command Cancel(CliContext context)
    {
        var output = StoreCommands.OutputOption();
        var jobId = new Argument<string>("job-id") { Description = "The batch job whose open batches to cancel." };
        var cancel = new Command("cancel", "Cancel a batch job's open batches; what they answered is kept, and 'summarizer resume' sends the rest again.") { jobId, output };
        cancel.SetAction(async (parse, cancellationToken) =>
        {
            var runner = context.Services.GetRequiredService<JobRunner>();
            var cancelled = await runner.CancelBatchesAsync(parse.GetValue(jobId)!, new JobRequest([]) { OutputRoot = parse.GetValue(output) }, cancellationToken);
            await context.Out.WriteLineAsync(cancelled == 0
                ? $"job {parse.GetValue(jobId)}: no open batch to cancel"
                : $"job {parse.GetValue(jobId)}: cancelling {cancelled} batch(es); what they answered is kept, and 'summarizer resume {parse.GetValue(jobId)}' sends the rest again");
            return ExitCodes.Success;
        });
        return cancel;
    }

    private static Command Prune(CliContext context)
    {
        var output = StoreCommands.OutputOption();
        var prune = new Command("prune", "Forget jobs whose folders are gone (cached answers stay for other jobs).") { output };
        prune.SetAction(parse =>
        {
            var store = StoreCommands.Store(context, parse.GetValue(output));
            var gone = store.ListJobs().Where(j => !Directory.Exists(j.Directory)).ToList();
            foreach (var job in gone)
            {
                store.DeleteJob(job.JobId);
                context.Out.WriteLine($"removed {job.JobId} (folder {job.Directory} is gone)");
            }

            context.Out.WriteLine(gone.Count == 0 ? "no job folders are missing; nothing removed" : $"removed {gone.Count} job(s) whose folders are gone");
            return ExitCodes.Success;
        });
        return prune;
    }
}

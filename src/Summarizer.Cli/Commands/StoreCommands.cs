using Summarizer.Core.Evaluation;
using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Summarizer.Core.Jobs;
using Summarizer.Core.Outputs;
using Summarizer.Core.Rendering;
using Summarizer.Core.Store;

namespace Summarizer.Cli.Commands;

/// <summary><c>summarizer jobs list|show</c>, <c>summarizer cache stats|prune</c> and <c>summarizer diff</c>: reading the job store.</summary>
public static class StoreCommands
{
    /// <summary>Creates <c>jobs</c>.</summary>
    public static Command Jobs(CliContext context) => JobsCommand.Create(context);

    /// <summary>Creates <c>cache</c>.</summary>
    public static Command Cache(CliContext context)
    {
        var output = OutputOption();
        var stats = new Command("stats", "Show what the response cache holds per stage.") { output };
        stats.SetAction(parse =>
        {
            var rows = Store(context, parse.GetValue(output)).CacheStats();
            foreach (var row in rows)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Stage,-10} {row.Entries,6} answers  {row.AnswerChars,10:N0} chars  {row.InputTokens,10:N0} input tok  {row.OutputTokens,10:N0} output tok paid for"));
            }

            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total      {rows.Sum(r => r.Entries),6} answers"));
            return ExitCodes.Success;
        });

        var days = new Option<int>("--unused-days") { Description = "Remove answers not used for this many days (default 30).", DefaultValueFactory = _ => 30 };
        var prune = new Command("prune", "Remove cached answers that have not been used for a while.") { output, days };
        prune.SetAction(parse =>
        {
            var removed = Store(context, parse.GetValue(output)).PruneCache(DateTimeOffset.UtcNow.AddDays(-parse.GetValue(days)));
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"removed {removed} cached answers unused for {parse.GetValue(days)} days"));
            return ExitCodes.Success;
        });
        return new Command("cache", "Inspect or prune the response cache.") { stats, prune };
    }

    /// <summary>Creates <c>diff</c>.</summary>
    public static Command Diff(CliContext context)
    {
        var output = OutputOption();
        var a = new Argument<string>("job-a") { Description = "The earlier job." };
        var b = new Argument<string>("job-b") { Description = "The later job; diff.md and diff.html are written into its folder." };
        var command = new Command("diff", "Compare two runs: prompts, changed translations (with chrF), claims that appeared, disappeared or changed.") { a, b, output };
        command.SetAction(parse =>
        {
            var store = Store(context, parse.GetValue(output));
            var jobA = store.GetJob(parse.GetValue(a)!);
            var jobB = store.GetJob(parse.GetValue(b)!);
            if (jobA is null || jobB is null)
            {
                context.Error.WriteLine($"error: no job {(jobA is null ? parse.GetValue(a) : parse.GetValue(b))} in {store.DatabasePath}");
                return ExitCodes.UsageError;
            }

            if (!FolderExists(context, jobA) || !FolderExists(context, jobB))
            {
                return ExitCodes.UsageError;
            }

            var diff = JobDiff.Between(jobA.Directory, jobB.Directory);
            var (md, html) = context.Services.GetRequiredService<DiffWriter>().Write(diff);
            foreach (var article in diff.Articles)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{article.Id}: {article.ChangedSentences.Count} translations changed, chrF2 {article.ChrF:0.0}; claims +{article.Appeared.Count} -{article.Disappeared.Count} ~{article.Changed.Count}"));
            }

            context.Out.WriteLine($"wrote {md} and {html}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Reports a job whose folder is gone (the store still knows it) and returns false; true when the folder exists.
    /// Commands that read a job's files call it first, so a deleted folder is one clear line, not a file error.
    /// </summary>
    public static bool FolderExists(CliContext context, StoredJob job)
    {
        if (Directory.Exists(job.Directory))
        {
            return true;
        }

        context.Error.WriteLine($"error: {JobFolder.Missing(job.JobId, job.Directory)}");
        return false;
    }

    /// <summary>
    /// Finds a job whose files a command reads: reports an unknown job or a job whose folder is gone in one line and
    /// returns null, so the command exits with a usage error.
    /// </summary>
    public static StoredJob? JobWithFolder(CliContext context, JobStore store, string jobId)
    {
        if (store.GetJob(jobId) is not { } job)
        {
            context.Error.WriteLine($"error: no job {jobId} in {store.DatabasePath}");
            return null;
        }

        return FolderExists(context, job) ? job : null;
    }

    /// <summary>Makes the <c>--out</c> option of commands that read the store.</summary>
    public static Option<string?> OutputOption() => new("--out") { Description = "Output folder holding summarizer.db (default: outputs)." };

    /// <summary>Opens the job store of the output folder given (or the configured one).</summary>
    public static JobStore Store(CliContext context, string? output) =>
        new(JobStore.PathIn(Path.GetFullPath(output ?? context.Services.GetRequiredService<IOptions<JobOptions>>().Value.OutputRoot)));
}

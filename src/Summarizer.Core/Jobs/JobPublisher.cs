using Summarizer.Core.Evaluation;
using Summarizer.Core.EngineSetup;
using Summarizer.Core.Outputs;
using Summarizer.Core.Planning;
using Summarizer.Core.Rendering;
using Summarizer.Core.Stages;
using Summarizer.Core.Store;

namespace Summarizer.Core.Jobs;

/// <summary>What a job produced, gathered once when its articles and brief are done (or stopped): everything it publishes is written from this.</summary>
/// <param name="Context">How the job was made.</param>
/// <param name="JobDirectory">The job folder.</param>
/// <param name="Engine">The engine it ran on.</param>
/// <param name="Plan">Its plan.</param>
/// <param name="Written">The articles whose files are written, in plan order, then those kept from before.</param>
/// <param name="Statuses">Every article's outcome.</param>
/// <param name="Usage">What each stage spent.</param>
/// <param name="Cost">What it cost, when the model has a price.</param>
/// <param name="Status">The job's status.</param>
/// <param name="Brief">The brief stage's outcome, when it ran.</param>
internal sealed record JobOutcome(
    JobContext Context,
    string JobDirectory,
    ResolvedEngine Engine,
    JobPlan Plan,
    IReadOnlyList<ArticleResult> Written,
    IReadOnlyList<JobArticleStatus> Statuses,
    IReadOnlyList<StageUsageSnapshot> Usage,
    decimal? Cost,
    string Status,
    BriefResult? Brief)
{
    /// <summary>Gets a batch job's rounds, for the manifest.</summary>
    public IReadOnlyList<ManifestBatchRound>? Batch { get; init; }
}

/// <summary>
/// Publishes a job from its <see cref="JobOutcome"/>: the briefing, the manifest, QA (run once, in memory, on the
/// articles as written), each article's page (drawn once, with its findings), a re-run's diff, the index, and the
/// articles' outcomes in the store.
/// </summary>
internal sealed class JobPublisher(JobWriter writer, DiffWriter diffs, TimeProvider clock)
{
    /// <summary>Writes everything the job publishes and returns its result.</summary>
    public JobResult Publish(JobOutcome outcome, JobStore store, IJobProgress progress)
    {
        var (context, directory, written) = (outcome.Context, outcome.JobDirectory, outcome.Written);
        if (outcome.Brief is { } brief)
        {
            writer.WriteBriefing(directory, context, written, brief);
        }

        writer.WriteManifest(directory, context, outcome.Plan, written, outcome.Statuses, outcome.Usage, outcome.Cost, outcome.Status, outcome.Brief, clock.GetUtcNow(), outcome.Batch);
        QaReport? qa = null;
        if (written.Count > 0)
        {
            // Length outliers need every article, so QA runs once all are in; each page is then drawn once, with its findings.
            qa = Quality.QaChecks.Run(context.JobId, written.Select(w => JobWriter.Files(context, w)).ToList());
            new JobFolder(directory).WriteJson(JobFolder.Qa, qa);
            foreach (var article in written)
            {
                writer.WriteSideBySide(directory, context, article, qa.Findings.Where(f => f.Article == article.Article.Id).ToList());
            }

            if (context.Parent is { } parent && outcome.Status != JobStatuses.Cancelled)
            {
                WriteDiff(store, parent, directory, progress);
            }

            writer.WriteIndex(directory, context, written, outcome.Statuses, qa);
        }

        foreach (var article in outcome.Statuses)
        {
            store.SaveArticle(context.JobId, article.Id, article.Path, article.Status, article.Reason);
        }

        return new JobResult(context.JobId, directory, outcome.Engine, outcome.Status, outcome.Statuses, outcome.Usage, outcome.Cost) { Parent = context.Parent, Qa = qa };
    }

    /// <summary>A re-run's folder gets its diff against the job it re-runs, so its index can link the comparison.</summary>
    private void WriteDiff(JobStore store, string parent, string jobDirectory, IJobProgress progress)
    {
        if (store.GetJob(parent) is not { } old || !new JobFolder(old.Directory).HasManifest)
        {
            progress.Message($"no diff against {parent}: its folder is missing");
            return;
        }

        try
        {
            diffs.Write(JobDiff.Between(old.Directory, jobDirectory));
        }
        catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            progress.Message($"no diff against {parent}: {ex.Message}");
        }
    }
}

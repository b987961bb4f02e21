using Summarizer.Core.Outputs;
using Summarizer.Core.Planning;
using Summarizer.Core.Store;

namespace Summarizer.Core.Jobs;

/// <summary>
/// Which articles a run works on. A new job takes its plan; a resumed job takes only the articles it started with, as
/// they were: one whose input changed or disappeared is not redone from the new text (that would be another job) but
/// keeps its finished outputs, or is reported failed when it had none, so no article ever leaves the briefing silently.
/// </summary>
/// <param name="Planned">The articles to run (or that were rejected) from the current plan.</param>
/// <param name="Kept">Finished articles read back from the job folder because their input changed or disappeared.</param>
/// <param name="Unplanned">The outcome of every article not in <paramref name="Planned"/>.</param>
internal sealed record JobArticles(IReadOnlyList<ArticlePlan> Planned, IReadOnlyList<ArticleResult> Kept, IReadOnlyList<JobArticleStatus> Unplanned)
{
    /// <summary>The reason recorded for an article whose input file changed since the job started.</summary>
    public const string InputChanged = "input changed since the job started";

    /// <summary>The reason recorded for an article whose input file disappeared since the job started.</summary>
    public const string InputMissing = "input missing";

    /// <summary>Compares the plan with the articles the job started with.</summary>
    public static JobArticles Resolve(PlannedArticles plan, JobInputs inputs, IReadOnlyList<StoredArticle> started, string jobDirectory, IJobProgress progress)
    {
        var recorded = started.Where(a => a.InputSha256 is not null).ToDictionary(a => a.Id, StringComparer.Ordinal);
        if (recorded.Count == 0)
        {
            // A new job, or one recorded before input hashes were kept: the plan is all there is to go on.
            return new JobArticles(plan.Articles, [], []);
        }

        var planned = plan.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var article in recorded.Values)
        {
            var now = inputs.Sha256(article.Path);
            if (now is null)
            {
                problems[article.Id] = InputMissing;
            }
            else if (!string.Equals(now, article.InputSha256, StringComparison.Ordinal) || !planned.ContainsKey(article.Id))
            {
                problems[article.Id] = InputChanged;
            }
        }

        foreach (var added in plan.Articles.Where(a => !recorded.ContainsKey(a.Id)))
        {
            progress.Message($"{inputs.Display(added.Ingest.Path)}: added since the job started; not part of this job (rerun to include it)");
        }

        var kept = new List<ArticleResult>();
        var unplanned = new List<JobArticleStatus>();
        foreach (var (id, problem) in problems)
        {
            var article = recorded[id];
            if (article.Status == JobStatuses.Rejected)
            {
                unplanned.Add(new JobArticleStatus(id, article.Path, JobStatuses.Rejected, article.Reason));
            }
            else if (FinishedArticle.Read(jobDirectory, id, article.Path) is { } finished)
            {
                kept.Add(finished);
                var outcome = finished.Status is JobStatuses.Done or JobStatuses.Partial ? "its finished outputs were kept" : "its outputs from before were kept";
                unplanned.Add(new JobArticleStatus(id, article.Path, finished.Status, $"{problem}; {outcome}"));
            }
            else
            {
                var advice = problem == InputMissing ? "restore the file and resume, or rerun without it" : "rerun to use the new text";
                unplanned.Add(new JobArticleStatus(id, article.Path, JobStatuses.Failed, $"{problem}; it had not finished: {advice}"));
            }
        }

        return new JobArticles(plan.Articles.Where(a => recorded.ContainsKey(a.Id) && !problems.ContainsKey(a.Id)).ToList(), kept, unplanned);
    }
}

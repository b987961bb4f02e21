using Summarizer.Core.Outputs;
using Summarizer.Core.Store;
using Summarizer.Core.Validation;

namespace Summarizer.Core.Exchange;

/// <summary>
/// Reads a job folder for review: each article's <c>translation.json</c> and <c>claims.json</c> through the records they
/// were written from, the QA findings of <c>qa.json</c> (or the sentences' own flags when QA has not been written), and
/// the job's recorded reviews applied on top (edited English, states, comments, rejected or edited claims).
/// </summary>
public static class ReviewJobReader
{
    /// <summary>Reads the job, or one article of it.</summary>
    /// <exception cref="ExchangeException">The article is not in the job, or an article's files cannot be read.</exception>
    public static ReviewJob Read(string jobId, string jobDirectory, ReviewStore reviews, string? articleId = null)
    {
        var folder = new JobFolder(jobDirectory);
        var ids = folder.ArticleIds().Where(id => File.Exists(folder.ArticleFile(id, JobFolder.Translation))).ToList();
        if (articleId is not null)
        {
            ids = ids.Contains(articleId, StringComparer.Ordinal)
                ? [articleId]
                : throw new ExchangeException($"article {articleId} is not in job {jobId} (it has {Describe(ids)})");
        }

        try
        {
            var findings = folder.ReadQaOrThrow() is { } qa ? (qa.Findings ?? []).ToLookup(f => (f.Article, f.Item)) : null;
            var latest = reviews.Latest(jobId, articleId);
            return new ReviewJob(jobId, ids.Select(id => ReadArticle(folder, id, findings, latest)).ToList());
        }
        catch (JobFileException ex)
        {
            throw new ExchangeException(ex.Message);
        }
    }

    private static ReviewArticle ReadArticle(
        JobFolder folder, string id, ILookup<(string, string), QaFinding>? findings, IReadOnlyDictionary<(string Article, string Item), ItemReview> latest)
    {
        // Listed because its translation.json is there; a job stopped between an article's two files has no claims yet.
        var translation = folder.ReadTranslationOrThrow(id) ?? throw new JobFileException($"{folder.ArticleFile(id, JobFolder.Translation)} is gone: run the job again with 'summarizer rerun'");
        var claims = folder.ReadClaimsOrThrow(id)?.Claims ?? [];
        var citing = claims
            .SelectMany(c => (c.Sources ?? []).Select(s => (Sentence: s, Claim: c)))
            .ToLookup(x => x.Sentence, x => x.Claim, StringComparer.Ordinal);
        var segments = new List<ReviewSegment>(translation.Sentences.Count);
        foreach (var sentence in translation.Sentences)
        {
            var review = latest.GetValueOrDefault((id, sentence.Id));
            var notes = new List<ReviewNote>();
            notes.AddRange(findings is null
                ? (sentence.Flags ?? []).Select(f => new ReviewNote(ReviewNote.Qa, $"{f.Severity} {f.Code}: {f.Message}", Priority(f.Severity)))
                : findings[(id, sentence.Id)].Select(f => new ReviewNote(ReviewNote.Qa, $"{f.Severity} {f.Check}: {f.Message}", Priority(f.Severity))));
            foreach (var claim in citing[sentence.Id])
            {
                var claimReview = latest.GetValueOrDefault((id, claim.Id));
                var state = claimReview?.State is ReviewStates.Rejected ? " [rejected]" : string.Empty;
                notes.Add(new ReviewNote(ReviewNote.Claim, $"{claim.Id}{state}: {claimReview?.English ?? claim.En}", 5));
            }

            if (review?.Comment is { } comment)
            {
                notes.Add(new ReviewNote(ReviewNote.Reviewer, $"{review.Reviewer}: {comment}", 3));
            }

            var english = review?.English ?? sentence.En;
            segments.Add(new ReviewSegment(id, sentence.Id, sentence.Ar, english, review?.State ?? ReviewStates.Translated, review?.Comment, notes));
        }

        var prompt = translation.Provenance?.Prompts?.FirstOrDefault(p => p.Stage == "translate")?.Version;
        return new ReviewArticle(id, translation.Title ?? string.Empty, prompt, segments);
    }

    private static int Priority(string severity) => severity switch
    {
        Severities.Error => 1,
        Severities.Warning => 2,
        _ => 4,
    };

    private static string Describe(List<string> ids) =>
        ids.Count == 0 ? "no translated articles" : string.Join(", ", ids.Take(5)) + (ids.Count > 5 ? $" and {ids.Count - 5} more" : string.Empty);
}

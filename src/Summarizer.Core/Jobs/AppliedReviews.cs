using Summarizer.Core.Outputs;
using Summarizer.Core.Store;

namespace Summarizer.Core.Jobs;

/// <summary>
/// The reviews of a job, as <c>summarizer apply</c> uses them in the new job: per article, the English reviewers wrote
/// (origin <c>human</c>) and the claims they rejected, each with the reviewed job's Arabic so that a sentence whose input
/// changed since is not given someone else's English.
/// </summary>
/// <remarks>
/// Which edits count: a sentence's latest edited English, unless its latest state is <c>rejected</c> (an edit in state
/// <c>translated</c>, <c>reviewed</c> or <c>approved</c> is the reviewer's English; a rejection says the English is wrong
/// without giving a better one, so the model's stays). Sentences the reviewed job already had from a reviewer (an
/// applied job reviewed again) keep that English. Claims count as rejected when their latest state is <c>rejected</c>.
/// </remarks>
/// <param name="JobId">The reviewed job.</param>
/// <param name="Articles">What applies to each article, by id.</param>
public sealed record AppliedReviews(string JobId, IReadOnlyDictionary<string, AppliedArticle> Articles)
{
    /// <summary>Reads a reviewed job's folder and its reviews.</summary>
    /// <exception cref="ApplyRefusedException">The job's folder is missing or no review was recorded for it.</exception>
    public static AppliedReviews Load(StoredJob reviewed, ReviewStore reviews)
    {
        var folder = new JobFolder(reviewed.Directory);
        if (!Directory.Exists(reviewed.Directory))
        {
            throw new ApplyRefusedException(JobFolder.Missing(reviewed.JobId, reviewed.Directory));
        }

        var latest = reviews.Latest(reviewed.JobId);
        if (latest.Count == 0)
        {
            throw new ApplyRefusedException($"nothing to apply: no reviews recorded for job {reviewed.JobId} (review it with 'summarizer import {reviewed.JobId} <file.xlf>' first)");
        }

        var articles = new Dictionary<string, AppliedArticle>(StringComparer.Ordinal);
        foreach (var id in folder.ArticleIds())
        {
            if (folder.ReadArticle(id) is { } written && Read(id, written, latest) is { } article)
            {
                articles[id] = article;
            }
        }

        return new AppliedReviews(reviewed.JobId, articles);
    }

    private static AppliedArticle? Read(string id, WrittenArticle written, IReadOnlyDictionary<(string Article, string Item), ItemReview> latest)
    {
        var sentences = new Dictionary<string, (string Ar, SentenceOverride English)>(StringComparer.Ordinal);
        foreach (var sentence in written.Translation.Sentences)
        {
            var review = latest.GetValueOrDefault((id, sentence.Id));
            if (review is { English: { } edited, State: not ReviewStates.Rejected })
            {
                // The next chunk's translate call saw the reviewed job's English of this sentence as context; it still will.
                var context = sentence.Origin == SentenceOrigins.Human ? null : sentence.En;
                sentences[sentence.Id] = (sentence.Ar, new SentenceOverride(edited, SentenceOrigins.Human) { ContextEnglish = context });
            }
            else if (sentence is { Origin: SentenceOrigins.Human, En: { } kept } && review?.State is not ReviewStates.Rejected)
            {
                sentences[sentence.Id] = (sentence.Ar, new SentenceOverride(kept, SentenceOrigins.Human));
            }
        }

        var rejected = written.Claims.Claims
            .Where(c => latest.GetValueOrDefault((id, c.Id))?.State == ReviewStates.Rejected)
            .Select(c => new RejectedClaim(c.Id, c.En, c.Sources))
            .ToList();
        return sentences.Count == 0 && rejected.Count == 0 ? null : new AppliedArticle(sentences, rejected);
    }
}

/// <summary>What a reviewed job's reviews give one article of the new job.</summary>
/// <param name="Sentences">The reviewer's English by sentence id, with the Arabic it was written for.</param>
/// <param name="RejectedClaims">The claims reviewers rejected.</param>
public sealed record AppliedArticle(IReadOnlyDictionary<string, (string Ar, SentenceOverride English)> Sentences, IReadOnlyList<RejectedClaim> RejectedClaims);

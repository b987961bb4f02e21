using Summarizer.Core.Outputs;
using Summarizer.Core.Segmentation;
using Summarizer.Core.Store;

namespace Summarizer.Core.Jobs;

/// <summary>
/// The English a job takes from people rather than from the model, article by article: the reviewed job's edits when
/// the job applies reviews (origin <c>human</c>), then exact translation-memory matches of the remaining sentences
/// (origin <c>tm</c>), plus the claims reviewers rejected. With no reviews applied and an empty memory (or the memory
/// off), every article gets <see cref="ArticleOverrides.None"/> and runs exactly as before.
/// </summary>
public sealed class JobOverrides
{
    private readonly AppliedReviews? _applied;
    private readonly ReviewStore? _memory;
    private int _sentences;
    private int _fromMemory;
    private int _fromReviewers;
    private int _stale;

    private JobOverrides(AppliedReviews? applied, ReviewStore? memory) => (_applied, _memory) = (applied, memory);

    /// <summary>Gets overrides that change nothing.</summary>
    public static JobOverrides None { get; } = new(null, null);

    /// <summary>Prepares a job's overrides.</summary>
    /// <param name="reviews">The review store of the job's output folder.</param>
    /// <param name="applied">The reviews the job applies, or null.</param>
    /// <param name="useMemory">Whether exact translation-memory matches fill sentences.</param>
    public static JobOverrides Create(ReviewStore reviews, AppliedReviews? applied, bool useMemory)
    {
        var memory = useMemory && reviews.TmStats().Entries > 0 ? reviews : null;
        return applied is null && memory is null ? None : new JobOverrides(applied, memory);
    }

    /// <summary>Gets a one-line account of what the job took from reviewers and the memory, or null when nothing.</summary>
    public string? Summary
    {
        get
        {
            var parts = new List<string>();
            if (_applied is not null)
            {
                parts.Add($"{_fromReviewers} sentence(s) from the reviews of {_applied.JobId}");
            }

            if (_memory is not null)
            {
                parts.Add($"translation memory: {_fromMemory} of {_sentences} sentence(s) matched");
            }

            if (_stale > 0)
            {
                parts.Add($"{_stale} reviewed sentence(s) not applied: their Arabic changed since the review");
            }

            return parts.Count == 0 ? null : string.Join("; ", parts);
        }
    }

    /// <summary>Gets how many sentences the translation memory filled so far.</summary>
    public int MemoryHits => Volatile.Read(ref _fromMemory);

    /// <summary>Gets how many sentences were looked up so far.</summary>
    public int Sentences => Volatile.Read(ref _sentences);

    /// <summary>Returns an article's overrides (safe to call for several articles at once).</summary>
    public ArticleOverrides For(string articleId, IReadOnlyList<Sentence> sentences)
    {
        if (ReferenceEquals(this, None))
        {
            return ArticleOverrides.None;
        }

        Interlocked.Add(ref _sentences, sentences.Count);
        var given = new Dictionary<string, SentenceOverride>(StringComparer.Ordinal);
        var article = _applied?.Articles.GetValueOrDefault(articleId);
        foreach (var sentence in sentences)
        {
            if (article is not null && article.Sentences.TryGetValue(sentence.Id, out var reviewed))
            {
                if (TmKey.Of(reviewed.Ar) == TmKey.Of(sentence.Text))
                {
                    given[sentence.Id] = reviewed.English;
                }
                else
                {
                    Interlocked.Increment(ref _stale);
                }
            }
        }

        Interlocked.Add(ref _fromReviewers, given.Count);
        if (_memory is not null)
        {
            var rest = sentences.Where(s => !given.ContainsKey(s.Id)).ToList();
            var found = _memory.Lookup(rest.Select(s => s.Text));
            foreach (var sentence in rest)
            {
                if (found.TryGetValue(TmKey.Of(sentence.Text), out var entry))
                {
                    given[sentence.Id] = new SentenceOverride(entry.En, SentenceOrigins.Tm);
                    Interlocked.Increment(ref _fromMemory);
                }
            }
        }

        return given.Count == 0 && article is not { RejectedClaims.Count: > 0 }
            ? ArticleOverrides.None
            : new ArticleOverrides(given, article?.RejectedClaims ?? []);
    }
}

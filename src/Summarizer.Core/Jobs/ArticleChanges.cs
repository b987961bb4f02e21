using Summarizer.Core.Stages;
using Summarizer.Core.Validation;

namespace Summarizer.Core.Jobs;

/// <summary>
/// What one piece of an article's work produced (claims, failures, flags, filtered items), kept apart while pieces run
/// at once and applied to the article in reading order, so the article comes out the same whatever order answers
/// arrive in. Each instance belongs to one piece of work at a time.
/// </summary>
internal sealed class ArticleChanges
{
    /// <summary>Gets the valid claims, in answer order.</summary>
    public List<ClaimDraft> Claims { get; } = [];

    /// <summary>Gets what failed.</summary>
    public List<Failure> Failures { get; } = [];

    /// <summary>Gets the flags raised, by sentence id.</summary>
    public List<(string Sentence, Flag Flag)> Flags { get; } = [];

    /// <summary>Gets what a content filter stopped or the model refused.</summary>
    public List<FilteredItem> Filtered { get; } = [];

    /// <summary>Appends another piece's changes after these (the second half of a split after the first).</summary>
    public ArticleChanges Then(ArticleChanges next)
    {
        Claims.AddRange(next.Claims);
        Failures.AddRange(next.Failures);
        Flags.AddRange(next.Flags);
        Filtered.AddRange(next.Filtered);
        return this;
    }

    /// <summary>Applies the changes to the article; called by one thread at a time, in reading order.</summary>
    public void ApplyTo(ArticleWork work)
    {
        work.ChunkClaims.AddRange(Claims);
        work.Failures.AddRange(Failures);
        work.Filtered.AddRange(Filtered);
        foreach (var (sentence, flag) in Flags)
        {
            work.Flag(sentence, flag);
        }
    }
}

using Summarizer.Core.Store;

namespace Summarizer.Core.Batch;

/// <summary>Where a round stands: its parts as the store has them, and the answers of every part downloaded so far.</summary>
/// <param name="Parts">The round's input files, in part order.</param>
/// <param name="Answers">The answers downloaded, one per line of every downloaded part.</param>
public sealed record BatchRoundState(IReadOnlyList<StoredBatchPart> Parts, IReadOnlyList<BatchAnswer> Answers)
{
    /// <summary>Gets a value indicating whether every part's answers are stored (the round is over).</summary>
    public bool IsFinished => Parts.All(p => p.State == BatchStore.Downloaded);

    /// <summary>Gets the custom ids submitted in this round.</summary>
    public IReadOnlySet<string> Submitted => Parts.SelectMany(p => p.CustomIds).ToHashSet(StringComparer.Ordinal);
}

/// <summary>What a submission did: the parts of the round now recorded, and the calls that must wait (enqueued-token bound).</summary>
/// <param name="Parts">The round's parts after this submission.</param>
/// <param name="Deferred">The calls not submitted: give them to a later <see cref="BatchRoundRunner.SubmitAsync"/> of the same round.</param>
public sealed record BatchSubmission(IReadOnlyList<StoredBatchPart> Parts, IReadOnlyList<BatchCall> Deferred);

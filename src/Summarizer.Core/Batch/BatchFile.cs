namespace Summarizer.Core.Batch;

/// <summary>One JSONL input file of a round, within the per-file limits.</summary>
/// <param name="CustomIds">The ids of its lines, in file order (line 1 first).</param>
/// <param name="Content">The JSONL bytes (UTF-8, one request a line).</param>
/// <param name="Tokens">The estimated prompt tokens of its lines.</param>
public sealed record BatchFile(IReadOnlyList<string> CustomIds, byte[] Content, long Tokens);

/// <summary>What a round becomes: the files to submit now, and the calls that must wait for a later submission.</summary>
/// <param name="Files">The files to submit, each within the limits.</param>
/// <param name="Deferred">The calls over the enqueued-token bound, in their order.</param>
public sealed record BatchRoundPlan(IReadOnlyList<BatchFile> Files, IReadOnlyList<BatchCall> Deferred);

using Summarizer.Core.Stages;

namespace Summarizer.Core.Outputs;

/// <summary>An article's outcome in a job.</summary>
public sealed record JobArticleStatus(string Id, string Path, string Status, string? Reason);

/// <summary>The briefing stage's outcome.</summary>
public sealed record BriefResult(BriefOutput? Output, IReadOnlyList<Failure> Failures);

/// <summary>Where a batch job stands when it exits between rounds.</summary>
/// <param name="Round">The round submitted or still open.</param>
/// <param name="Calls">Its calls (batch lines).</param>
/// <param name="BatchIds">Its batches' ids.</param>
/// <param name="Statuses">Its batches' statuses.</param>
/// <param name="SubmittedNow">Whether this run submitted it (else it was open already).</param>
public sealed record BatchWaiting(int Round, int Calls, IReadOnlyList<string> BatchIds, IReadOnlyList<string> Statuses, bool SubmittedNow);

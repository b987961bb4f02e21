using Summarizer.Core.Outputs;
using Summarizer.Core.Stages;
using Summarizer.Core.EngineSetup;

namespace Summarizer.Core.Jobs;

/// <summary>What a finished (or stopped) job produced and where.</summary>
public sealed record JobResult(
    string JobId,
    string JobDirectory,
    ResolvedEngine Engine,
    string Status,
    IReadOnlyList<JobArticleStatus> Articles,
    IReadOnlyList<StageUsageSnapshot> Usage,
    decimal? CostUsd)
{
    /// <summary>Gets the job this one re-runs, if any.</summary>
    public string? Parent { get; init; }

    /// <summary>Gets the QA findings of the job's written articles, or null when none was written.</summary>
    public QaReport? Qa { get; init; }

    /// <summary>Gets, for a batch job that exited between rounds (status waiting), the round it waits for.</summary>
    public BatchWaiting? Batch { get; init; }
}


namespace Summarizer.Core.Outputs;

/// <summary>The content of <c>manifest.json</c>.</summary>
public sealed record Manifest(
    string JobId,
    string? Parent,
    DateTimeOffset Created,
    DateTimeOffset Finished,
    string Status,
    Provenance Provenance,
    string CredentialSource,
    IReadOnlyList<ManifestArticle> Articles,
    IReadOnlyList<ManifestStage> Stages,
    ManifestUsage Usage,
    IReadOnlyDictionary<string, int> Flags,
    IReadOnlyList<Failure> Failures,
    IReadOnlyList<FilteredItem> Filtered,
    ManifestResilience? Resilience,
    bool Briefing)
{
    /// <summary>Gets a batch job's rounds (absent for a realtime job).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ManifestBatchRound>? Batch { get; init; }
}

/// <summary>One round of a batch job: its batches, lines and what became of them, tokens answered and their cost at the batch price.</summary>
public sealed record ManifestBatchRound(int Round, IReadOnlyList<string> BatchIds, int Lines, int Succeeded, int Failed, int Resubmitted, long InputTokens, long OutputTokens, decimal? CostUsd);

/// <summary>What the resilience pipeline did: attempts sent, retries, 429s, timeouts, 5xx or no response, circuit openings, injected faults.</summary>
public sealed record ManifestResilience(long Attempts, long Retries, long Throttled, long Timeouts, long ServerErrors, long CircuitOpened, long ChaosFaults, IReadOnlyList<ManifestDeployment> Deployments);

/// <summary>How much traffic one deployment of the pool served, and how often it was throttled or failed.</summary>
public sealed record ManifestDeployment(string Name, long Calls, long Throttled, long Failed);

/// <summary>An article in the manifest.</summary>
public sealed record ManifestArticle(string Id, string Path, string Status, string? Reason, int Sentences, int Chunks, int Translated, int Claims, int Flags, IReadOnlyList<Failure> Failures);

/// <summary>What a stage spent: <see cref="Calls"/> paid (repairs included), <see cref="Reused"/> answers served from the cache.</summary>
public sealed record ManifestStage(string Stage, int Calls, int Reused, int Repairs, int Failed, int Filtered, int Splits, long InputTokens, long OutputTokens, long ElapsedMs);

/// <summary>What the job spent.</summary>
public sealed record ManifestUsage(int Calls, long InputTokens, long OutputTokens, decimal? CostUsd);

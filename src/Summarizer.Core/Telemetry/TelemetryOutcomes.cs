namespace Summarizer.Core.Telemetry;

/// <summary>
/// The values of <c>summarizer.outcome</c>. The first six describe a stage call as the job store's <c>calls</c> table
/// does (paid, reused, repair, and error split into refused, filtered and failed); the last two count attempts inside
/// the resilience pipeline, which the table does not see.
/// </summary>
public static class TelemetryOutcomes
{
    /// <summary>The model was called and answered (a first call).</summary>
    public const string Paid = "paid";

    /// <summary>A valid cached answer was used; nothing was sent.</summary>
    public const string Reused = "reused";

    /// <summary>The model was called again to repair an invalid answer.</summary>
    public const string Repaired = "repaired";

    /// <summary>The model refused (a structured-outputs refusal).</summary>
    public const string Refused = "refused";

    /// <summary>The content filter stopped the input or the answer.</summary>
    public const string Filtered = "filtered";

    /// <summary>The call failed at the engine for another reason (HTTP error, timeout, retries exhausted).</summary>
    public const string Failed = "failed";

    /// <summary>An attempt was answered 429 (throttled).</summary>
    public const string Throttled = "429";

    /// <summary>An attempt failed transiently and the call waits to try again.</summary>
    public const string Retried = "retried";

    /// <summary>Gets every outcome, in the order a table shows them.</summary>
    public static IReadOnlyList<string> All { get; } = [Paid, Reused, Repaired, Refused, Filtered, Failed, Throttled, Retried];
}

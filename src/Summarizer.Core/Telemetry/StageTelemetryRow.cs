namespace Summarizer.Core.Telemetry;

/// <summary>One stage's line of the telemetry table: calls by outcome, tokens, call durations and quota waits.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Outcomes">Calls and attempts by <c>summarizer.outcome</c> (see <see cref="TelemetryOutcomes"/>).</param>
/// <param name="InputTokens">Prompt tokens of the model calls.</param>
/// <param name="OutputTokens">Answer tokens of the model calls.</param>
/// <param name="P50Seconds">The median model call duration, or null without calls.</param>
/// <param name="P95Seconds">The 95th percentile model call duration, or null without calls.</param>
/// <param name="QuotaWaitSeconds">The time the stage's calls waited for the client-side quota, in all.</param>
public sealed record StageTelemetryRow(
    string Stage,
    IReadOnlyDictionary<string, long> Outcomes,
    long InputTokens,
    long OutputTokens,
    double? P50Seconds,
    double? P95Seconds,
    double QuotaWaitSeconds)
{
    /// <summary>Gets the count of an outcome (0 when none).</summary>
    public long Count(string outcome) => Outcomes.GetValueOrDefault(outcome);
}

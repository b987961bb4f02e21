using System.ComponentModel.DataAnnotations;

namespace Summarizer.Core.Resilience;

/// <summary>
/// The resilience of model calls: total timeout → retry → circuit breaker → attempt timeout, plus a client-side quota
/// per deployment. One pipeline owns all retries (the SDK's are off), so retries never stack.
/// </summary>
public sealed class ResilienceOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Summarizer:Resilience";

    /// <summary>Gets or sets the most time one call may take, retries and waits included, in seconds.</summary>
    /// <value>The default value is 600.</value>
    [Range(1, 86_400)]
    public double TotalTimeoutSeconds { get; set; } = 600;

    /// <summary>Gets or sets the most time one attempt may take, in seconds.</summary>
    /// <value>The default value is 120.</value>
    [Range(0.01, 3600)]
    public double AttemptTimeoutSeconds { get; set; } = 120;

    /// <summary>Gets or sets how many times a transient failure (429, 408, 5xx, timeout, no response) is retried.</summary>
    /// <value>The default value is 8.</value>
    [Range(0, 100)]
    public int MaxRetries { get; set; } = 8;

    /// <summary>Gets or sets the first backoff delay, in milliseconds (exponential with jitter after that).</summary>
    /// <value>The default value is 1000.</value>
    [Range(0, 600_000)]
    public double BaseDelayMilliseconds { get; set; } = 1000;

    /// <summary>Gets or sets the longest backoff delay, in seconds (a service's retry-after is honoured even when longer).</summary>
    /// <value>The default value is 60.</value>
    [Range(0, 3600)]
    public double MaxDelaySeconds { get; set; } = 60;

    /// <summary>Gets or sets the failure ratio over the sampling window that opens the circuit.</summary>
    /// <value>The default value is 0.5.</value>
    [Range(0.01, 1)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Gets or sets how many calls the window needs before the circuit may open.</summary>
    /// <value>The default value is 20.</value>
    [Range(2, 100_000)]
    public int BreakerMinimumThroughput { get; set; } = 20;

    /// <summary>Gets or sets the sampling window, in seconds.</summary>
    /// <value>The default value is 30.</value>
    [Range(0.5, 3600)]
    public double BreakerSamplingSeconds { get; set; } = 30;

    /// <summary>Gets or sets how long an open circuit rejects calls, in seconds.</summary>
    /// <value>The default value is 15.</value>
    [Range(0.5, 3600)]
    public double BreakerBreakSeconds { get; set; } = 15;

    /// <summary>Gets or sets the deployment's tokens-per-minute quota (prompt tokens + max_tokens, as Azure counts); 0 learns it from the service's rate-limit headers.</summary>
    /// <value>The default value is 0.</value>
    [Range(0, long.MaxValue)]
    public long TokensPerMinute { get; set; }

    /// <summary>Gets or sets the deployment's requests-per-minute quota; 0 learns it from the service's rate-limit headers.</summary>
    /// <value>The default value is 0.</value>
    [Range(0, long.MaxValue)]
    public long RequestsPerMinute { get; set; }

    /// <summary>Gets or sets the share of the quota the client aims at, so bursts stay under the service's limit.</summary>
    /// <value>The default value is 0.97.</value>
    [Range(0.1, 1)]
    public double QuotaTarget { get; set; } = 0.97;

    /// <summary>Gets or sets the share of calls failed on purpose by the chaos strategy (drills only); 0 disables it.</summary>
    /// <value>The default value is 0.</value>
    [Range(0, 1)]
    public double ChaosFaultRate { get; set; }
}

using Summarizer.Core.Engines;

namespace Summarizer.Core.Resilience;

/// <summary>A call is about to wait before trying again: for which deployment, why, and how long.</summary>
/// <param name="Deployment">The deployment that answered (or the pool), as named in the manifest.</param>
/// <param name="Cause">What happened, in a few words: <c>429</c>, <c>HTTP 503</c>, <c>timeout</c>, <c>unreachable</c>.</param>
/// <param name="Delay">How long the call waits before its next attempt.</param>
public sealed record RetryNotice(string Deployment, string Cause, TimeSpan Delay)
{
    /// <summary>Describes the outcome a retry follows.</summary>
    public static RetryNotice From(Exception? cause, TimeSpan delay) => cause switch
    {
        EngineCallException { Status: 429 } e => new(e.Deployment ?? "the deployment", "429", delay),
        EngineCallException { Status: 0 } e => new(e.Deployment ?? "the deployment", "unreachable", delay),
        EngineCallException { Code: "timeout" } e => new(e.Deployment ?? "the deployment", "timeout", delay),
        EngineCallException e => new(e.Deployment ?? "the deployment", $"HTTP {e.Status}", delay),
        Polly.Timeout.TimeoutRejectedException => new("the deployment", "timeout", delay),
        Polly.CircuitBreaker.BrokenCircuitException => new("the deployment", "circuit open", delay),
        _ => new("the deployment", cause?.GetType().Name ?? "fault", delay),
    };

    /// <summary>Gets the line a person reads: <c>waiting for east: 429, retry in 4.2 s</c>.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"waiting for {Deployment}: {Cause}, retry in {Delay.TotalSeconds:0.0} s");
}

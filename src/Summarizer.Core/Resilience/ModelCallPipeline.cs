using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Simmy;
using Polly.Timeout;
using Summarizer.Core.Engines;
using Summarizer.Core.Telemetry;

namespace Summarizer.Core.Resilience;

/// <summary>
/// Builds the Polly 8 pipeline every model call goes through: total timeout → retry → circuit breaker → attempt timeout.
/// Retries cover 429, 408, 5xx, attempt timeouts and calls that got no response, with exponential backoff and jitter,
/// except that a service's retry-after is honoured exactly. Other 4xx (content_filter included) are never retried.
/// </summary>
public static class ModelCallPipeline
{
    /// <summary>True for failures worth another attempt.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        EngineCallException engine => engine.IsTransient,
        TimeoutRejectedException or BrokenCircuitException or HttpRequestException => true,
        _ => false,
    };

    /// <summary>Builds the pipeline.</summary>
    public static ResiliencePipeline Build(ResilienceOptions options, ResilienceStats stats, TimeProvider time, Func<double>? randomizer = null)
    {
        var handle = new PredicateBuilder().Handle<Exception>(IsTransient);
        var builder = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(TimeSpan.FromSeconds(options.TotalTimeoutSeconds));

        // Polly's retry needs at least one attempt; MaxRetries 0 means no retry strategy at all, not one retry.
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = handle,
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.BaseDelayMilliseconds),
                MaxDelay = TimeSpan.FromSeconds(Math.Max(options.MaxDelaySeconds, options.BaseDelayMilliseconds / 1000)),
                Randomizer = randomizer ?? Random.Shared.NextDouble,
                // The service's retry-after, or the rest of an open circuit's break, beats the computed backoff:
                // retrying an open circuit sooner only burns attempts.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception switch
                {
                    EngineCallException { RetryAfter: { } after } => after,
                    BrokenCircuitException { RetryAfter: { } rest } => rest,

                    // Half-open, the breaker rejects all but its probe without saying how long: wait a break too.
                    BrokenCircuitException => TimeSpan.FromSeconds(options.BreakerBreakSeconds),
                    _ => (TimeSpan?)null,
                }),
                OnRetry = args =>
                {
                    var notice = RetryNotice.From(args.Outcome.Exception, args.RetryDelay);
                    stats.Retry(notice);
                    SummarizerTelemetry.Retried(notice.Cause, args.RetryDelay);

                    // Waiting out the delay needs no place among the job's concurrent calls.
                    CallSlot.Current?.GiveBack();
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                // Throttling is the quota speaking, not the deployment failing: it must not open the circuit.
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => IsTransient(ex) && ex is not EngineCallException { Status: 429 }),
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(options.BreakerSamplingSeconds),
                BreakDuration = TimeSpan.FromSeconds(options.BreakerBreakSeconds),
                OnOpened = _ =>
                {
                    stats.Opened();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                Timeout = TimeSpan.FromSeconds(options.AttemptTimeoutSeconds),
                OnTimeout = _ =>
                {
                    stats.Timeout();
                    return ValueTask.CompletedTask;
                },
            });

        if (options.ChaosFaultRate > 0)
        {
            // Drills only: fail a share of attempts as a 503 would, to rehearse what the pipeline does about it.
            builder.AddChaosFault(new Polly.Simmy.Fault.ChaosFaultStrategyOptions
            {
                InjectionRate = options.ChaosFaultRate,
                FaultGenerator = _ =>
                {
                    stats.Chaos();
                    return ValueTask.FromResult<Exception?>(new EngineCallException("HTTP 503 (injected by the chaos strategy)", 503));
                },
            });
        }

        return builder.Build();
    }
}

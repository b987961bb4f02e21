using Summarizer.Core.Resilience;
using Summarizer.Core.Stages;

namespace Summarizer.Core.Scheduling;

/// <summary>
/// Sends each ready call now: it takes a place among the job's concurrent calls (<c>--concurrency</c>, a
/// <see cref="CallSlot"/>), then goes through the engine's resilience pipeline (retries, circuit breaker, timeouts, quota
/// pacing per deployment), which gives the place back while it waits out a retry.
/// </summary>
public sealed class InteractiveScheduler(SemaphoreSlim gate) : ICallScheduler
{
    /// <inheritdoc/>
    public Task<T> SendAsync<T>(StageCall stageCall, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken) =>
        CallSlot.RunAsync(gate, () => send(cancellationToken), cancellationToken);
}

namespace Summarizer.Core.Resilience;

/// <summary>What resilience did during a job: retries, throttling, timeouts, circuit openings. Thread-safe.</summary>
public sealed class ResilienceStats
{
    private long _attempts, _retries, _throttled, _timeouts, _serverErrors, _circuitOpened, _chaos;

    /// <summary>Gets the attempts sent (first tries and retries).</summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    /// <summary>Gets the retries made.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Gets the attempts answered 429.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Gets the attempts that timed out.</summary>
    public long Timeouts => Interlocked.Read(ref _timeouts);

    /// <summary>Gets the attempts answered 5xx or not answered.</summary>
    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    /// <summary>Gets how often the circuit opened.</summary>
    public long CircuitOpened => Interlocked.Read(ref _circuitOpened);

    /// <summary>Gets the faults injected by the chaos strategy.</summary>
    public long ChaosFaults => Interlocked.Read(ref _chaos);

    internal void Attempt() => Interlocked.Increment(ref _attempts);

    /// <summary>Raised before a call waits to try again, so progress can say what it is waiting for.</summary>
    public event Action<RetryNotice>? Retrying;

    internal void Retry(RetryNotice notice)
    {
        Interlocked.Increment(ref _retries);
        Retrying?.Invoke(notice);
    }

    internal void Throttle() => Interlocked.Increment(ref _throttled);

    internal void Timeout() => Interlocked.Increment(ref _timeouts);

    internal void ServerError() => Interlocked.Increment(ref _serverErrors);

    internal void Opened() => Interlocked.Increment(ref _circuitOpened);

    internal void Chaos() => Interlocked.Increment(ref _chaos);
}

namespace Summarizer.Testing;

/// <summary>
/// A deployment's quota enforced as Azure OpenAI and OpenAI do: each request is charged at admission on its prompt
/// tokens + max_tokens and counted as one request, against tokens and requests per minute counted either over a sliding
/// 60-second window or in fixed 10-second windows of a sixth of the minute's quota each. A request that does not fit is
/// refused with how long to wait. Every decision carries what the rate-limit headers report: the minute's limits, what
/// remains of them over the last 60 seconds, and when they are whole again.
/// </summary>
public sealed class ServerQuota(long tokensPerMinute, long requestsPerMinute, QuotaWindows windows = QuotaWindows.TenSeconds, TimeProvider? time = null)
{
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private readonly Queue<(DateTimeOffset At, int Tokens)> _minute = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly DateTimeOffset _start = (time ?? TimeProvider.System).GetUtcNow();
    private long _admittedTokens;
    private long _admitted;
    private long _throttled;
    private long _throttledOnRequests;

    /// <summary>Gets the tokens-per-minute quota.</summary>
    public long TokensPerMinute { get; } = tokensPerMinute;

    /// <summary>Gets the requests-per-minute quota.</summary>
    public long RequestsPerMinute { get; } = requestsPerMinute;

    /// <summary>Gets how the quota is counted.</summary>
    public QuotaWindows Windows { get; } = windows;

    /// <summary>Gets the tokens admitted so far (charged: prompt + max_tokens).</summary>
    public long AdmittedTokens => Interlocked.Read(ref _admittedTokens);

    /// <summary>Gets the requests admitted.</summary>
    public long Admitted => Interlocked.Read(ref _admitted);

    /// <summary>Gets the requests answered 429.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Gets the 429s for requests per minute (the rest were for tokens).</summary>
    public long ThrottledOnRequests => Interlocked.Read(ref _throttledOnRequests);

    /// <summary>Admits a request charged <paramref name="chargedTokens"/>, or refuses it with how long to wait.</summary>
    public ServerQuotaDecision TryAdmit(int chargedTokens)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            while (_minute.Count > 0 && _minute.Peek().At + Minute <= now)
            {
                _minute.Dequeue();
            }

            var (fitsTokens, fitsRequests, wait) = Windows == QuotaWindows.SlidingMinute ? Sliding(now, chargedTokens) : Fixed(now, chargedTokens);
            if (fitsTokens && fitsRequests)
            {
                _minute.Enqueue((now, chargedTokens));
                Interlocked.Add(ref _admittedTokens, chargedTokens);
                Interlocked.Increment(ref _admitted);
                return Decide(now, null, onRequests: false);
            }

            Interlocked.Increment(ref _throttled);
            if (!fitsRequests)
            {
                Interlocked.Increment(ref _throttledOnRequests);
            }

            return Decide(now, wait, onRequests: !fitsRequests);
        }
    }

    /// <summary>Over the last 60 s: admitted alone when the window is empty, however large (as a full quota would be).</summary>
    private (bool Tokens, bool Requests, TimeSpan Wait) Sliding(DateTimeOffset now, int tokens)
    {
        var used = _minute.Sum(e => (long)e.Tokens);
        var fitsTokens = _minute.Count == 0 || used + tokens <= TokensPerMinute;
        var fitsRequests = _minute.Count + 1 <= RequestsPerMinute;
        var wait = TimeSpan.Zero;
        long freed = 0;
        var count = _minute.Count;
        foreach (var (at, charged) in _minute)
        {
            freed += charged;
            count--;
            if ((fitsTokens || used - freed + tokens <= TokensPerMinute || count == 0) && (fitsRequests || count + 1 <= RequestsPerMinute))
            {
                wait = at + Minute - now;
                break;
            }
        }

        return (fitsTokens, fitsRequests, wait);
    }

    /// <summary>In the current 10-second window, a sixth of the minute's quota; the next window starts afresh.</summary>
    private (bool Tokens, bool Requests, TimeSpan Wait) Fixed(DateTimeOffset now, int tokens)
    {
        var windowStart = WindowStart(now);
        var inWindow = _minute.Where(e => e.At >= windowStart).ToList();
        var used = inWindow.Sum(e => (long)e.Tokens);
        var fitsTokens = inWindow.Count == 0 || used + tokens <= TokensPerMinute / 6.0;
        var fitsRequests = inWindow.Count + 1 <= Math.Max(1, RequestsPerMinute / 6.0);
        return (fitsTokens, fitsRequests, windowStart + TenSeconds - now);
    }

    private DateTimeOffset WindowStart(DateTimeOffset now) => _start + (TenSeconds * Math.Floor((now - _start) / TenSeconds));

    private ServerQuotaDecision Decide(DateTimeOffset now, TimeSpan? retryAfter, bool onRequests)
    {
        var used = _minute.Sum(e => (long)e.Tokens);
        var whole = _minute.Count == 0 ? TimeSpan.Zero
            : Windows == QuotaWindows.SlidingMinute ? _minute.Last().At + Minute - now
            : WindowStart(now) + TenSeconds - now;
        return new ServerQuotaDecision(
            retryAfter,
            onRequests,
            TokensPerMinute,
            RequestsPerMinute,
            Math.Max(0, TokensPerMinute - used),
            Math.Max(0, RequestsPerMinute - _minute.Count),
            whole);
    }
}

/// <summary>How a <see cref="ServerQuota"/> counts its per-minute quota.</summary>
public enum QuotaWindows
{
    /// <summary>Over the last 60 seconds, sliding.</summary>
    SlidingMinute,

    /// <summary>In fixed 10-second windows, each allowed a sixth of the minute's quota.</summary>
    TenSeconds,
}

/// <summary>A quota's answer to one request, with what its rate-limit headers report.</summary>
/// <param name="RetryAfter">How long to wait when refused; null when admitted.</param>
/// <param name="OnRequests">True when refused for requests per minute rather than tokens.</param>
/// <param name="LimitTokens">The tokens-per-minute limit.</param>
/// <param name="LimitRequests">The requests-per-minute limit.</param>
/// <param name="RemainingTokens">What remains of the tokens over the last minute.</param>
/// <param name="RemainingRequests">What remains of the requests over the last minute.</param>
/// <param name="Reset">How long until the quota is whole again.</param>
public sealed record ServerQuotaDecision(
    TimeSpan? RetryAfter,
    bool OnRequests,
    long LimitTokens,
    long LimitRequests,
    long RemainingTokens,
    long RemainingRequests,
    TimeSpan Reset)
{
    /// <summary>Gets a value indicating whether the request was admitted.</summary>
    public bool IsAdmitted => RetryAfter is null;
}

namespace Summarizer.Testing;

/// <summary>
/// A deployment's quota enforced the way Azure OpenAI does: each request is admitted on its estimated tokens (prompt
/// tokens + max_tokens) against a tokens-per-minute budget and counted against requests per minute, both evaluated over
/// short windows (ten seconds' worth); a request that does not fit gets 429 with retry-after-ms.
/// </summary>
public sealed class ServerQuota(long tokensPerMinute, long requestsPerMinute)
{
    private readonly Lock _gate = new();
    private readonly double _tokenCapacity = tokensPerMinute / 6.0;
    private readonly double _requestCapacity = Math.Max(1, requestsPerMinute / 6.0);
    private double _tokens = tokensPerMinute / 6.0;
    private double _requests = Math.Max(1, requestsPerMinute / 6.0);
    private DateTimeOffset _last = DateTimeOffset.UtcNow;
    private long _admittedTokens;
    private long _admitted;
    private long _throttled;

    /// <summary>Gets the tokens-per-minute quota.</summary>
    public long TokensPerMinute { get; } = tokensPerMinute;

    /// <summary>Gets the tokens admitted so far (estimated, as the quota counts them).</summary>
    public long AdmittedTokens => Interlocked.Read(ref _admittedTokens);

    /// <summary>Gets the requests admitted.</summary>
    public long Admitted => Interlocked.Read(ref _admitted);

    /// <summary>Gets the requests answered 429.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Admits a request or says how long to wait.</summary>
    public TimeSpan? TryAdmit(int estimatedTokens)
    {
        lock (_gate)
        {
            var now = DateTimeOffset.UtcNow;
            var seconds = (now - _last).TotalSeconds;
            _last = now;
            _tokens = Math.Min(_tokenCapacity, _tokens + (seconds * TokensPerMinute / 60.0));
            _requests = Math.Min(_requestCapacity, _requests + (seconds * requestsPerMinute / 60.0));

            // A request larger than the window is admitted into debt when the window is full, as a full bucket would.
            var need = Math.Min(estimatedTokens, _tokenCapacity);
            if (_tokens >= need && _requests >= 1)
            {
                _tokens -= estimatedTokens;
                _requests -= 1;
                Interlocked.Add(ref _admittedTokens, estimatedTokens);
                Interlocked.Increment(ref _admitted);
                return null;
            }

            Interlocked.Increment(ref _throttled);
            var tokenWait = _tokens >= need ? 0 : (need - _tokens) / (TokensPerMinute / 60.0);
            var requestWait = _requests >= 1 ? 0 : (1 - _requests) / (requestsPerMinute / 60.0);
            return TimeSpan.FromSeconds(Math.Max(tokenWait, requestWait));
        }
    }
}

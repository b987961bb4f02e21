using System.Threading.RateLimiting;

namespace Summarizer.Core.Resilience;

/// <summary>
/// A deployment's client-side quota, shared by every worker: a token bucket on estimated tokens per minute (prompt tokens
/// plus max_tokens, as Azure estimates at admission) and one on requests per minute. Calls wait for quota instead of
/// being answered 429. The buckets refill every 100 ms and hold ten seconds' worth, because services enforce per-minute
/// quotas over short windows: a minute's quota spent in one burst is throttled.
/// </summary>
public sealed class QuotaLimiter : IAsyncDisposable
{
    private readonly TokenBucketRateLimiter? _tokens;
    private readonly TokenBucketRateLimiter? _requests;

    /// <summary>Initializes a new instance of the <see cref="QuotaLimiter"/> class; a zero quota is no limit.</summary>
    public QuotaLimiter(long tokensPerMinute, long requestsPerMinute, double target)
    {
        (_tokens, TokenBurst) = Bucket((long)(tokensPerMinute * target));
        (_requests, _) = Bucket((long)(requestsPerMinute * target));
    }

    /// <summary>Gets the most tokens one call can be admitted with (the bucket's size), or 0 without a token quota.</summary>
    public int TokenBurst { get; }

    /// <summary>Waits until the call's estimated tokens and one request fit the quota.</summary>
    public async ValueTask AcquireAsync(int estimatedTokens, CancellationToken cancellationToken)
    {
        if (_requests is not null)
        {
            using var lease = await _requests.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }

        if (_tokens is not null)
        {
            // A call larger than the bucket could never be admitted; it waits for a full bucket instead.
            using var lease = await _tokens.AcquireAsync(Math.Clamp(estimatedTokens, 1, TokenBurst), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var limiter in new[] { _tokens, _requests })
        {
            if (limiter is not null)
            {
                await limiter.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static (TokenBucketRateLimiter?, int Burst) Bucket(long perMinute)
    {
        if (perMinute <= 0)
        {
            return (null, 0);
        }

        var perTenth = Math.Max(1, (int)Math.Min(perMinute / 600, int.MaxValue));
        var burst = (int)Math.Min(Math.Max(perMinute / 6, 1), int.MaxValue);
        var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perTenth,
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
            AutoReplenishment = true,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        return (limiter, burst);
    }
}

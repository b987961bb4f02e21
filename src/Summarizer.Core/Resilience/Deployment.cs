using Microsoft.SemanticKernel.ChatCompletion;

namespace Summarizer.Core.Resilience;

/// <summary>
/// One deployment of a pool: its chat service, its own quota and concurrency, and when it may be used again after it
/// was throttled or failed. Counts what it served so the manifest can show how traffic spread.
/// </summary>
public sealed class Deployment(string name, IChatCompletionService service, QuotaLimiter quota, AdaptiveConcurrency concurrency)
{
    private long _coolUntilTicks;
    private long _calls;
    private long _throttled;
    private long _failed;

    /// <summary>Gets the deployment's name (endpoint and deployment or model).</summary>
    public string Name { get; } = name;

    /// <summary>Gets the chat service that calls it.</summary>
    public IChatCompletionService Service { get; } = service;

    /// <summary>Gets its quota.</summary>
    public QuotaLimiter Quota { get; } = quota;

    /// <summary>Gets its concurrency gate.</summary>
    public AdaptiveConcurrency Concurrency { get; } = concurrency;

    /// <summary>Gets the calls it answered.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Gets the 429s it answered.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Gets the other transient failures it had.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Returns how long it still rests, or zero when it can be used.</summary>
    public TimeSpan RestRemaining(DateTimeOffset now)
    {
        var remaining = Interlocked.Read(ref _coolUntilTicks) - now.UtcTicks;
        return remaining > 0 ? TimeSpan.FromTicks(remaining) : TimeSpan.Zero;
    }

    /// <summary>Records a success.</summary>
    public void Served()
    {
        Interlocked.Increment(ref _calls);
        Concurrency.Succeeded();
    }

    /// <summary>Records a 429 or failure and rests the deployment for the given time.</summary>
    public void Rest(DateTimeOffset now, TimeSpan period, bool throttled)
    {
        Interlocked.Increment(ref throttled ? ref _throttled : ref _failed);
        if (throttled)
        {
            Concurrency.Throttled();
        }

        var until = (now + period).UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _coolUntilTicks);
            if (current >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _coolUntilTicks, until, current) != current);
    }
}

namespace Summarizer.Core.Resilience;

/// <summary>
/// A deployment's client-side quota, shared by every worker: calls wait here instead of being answered 429.
/// It keeps a ledger of what it admitted (estimated tokens: prompt + max_tokens, as the service charges at admission)
/// and admits a call only if, counting it, no 60-second span holds more than the quota and no 10-second span more
/// than a sixth of it, so it fits a service that counts over a sliding minute as well as one that counts in 10-second
/// windows. Configured quotas win; without them the quota is learnt from the service's rate-limit headers (see
/// <see cref="Observe"/>), which also correct the client's estimate of what a call is charged.
/// </summary>
public sealed class QuotaLimiter : IAsyncDisposable
{
    /// <summary>The span over which per-minute quotas are counted.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    /// <summary>The short span services also evaluate quotas over (a sixth of the minute's quota each).</summary>
    public static readonly TimeSpan ShortWindow = TimeSpan.FromSeconds(10);

    // An admission is kept a little past its span: the request reaches the service a moment after it was admitted.
    private static readonly TimeSpan Guard = TimeSpan.FromMilliseconds(100);

    // How long the calls behind a first, probing call wait for its answer when it gets none (no response at all).
    private static readonly TimeSpan ProbeWait = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _line = new(1, 1);
    private readonly LinkedList<QuotaAdmission> _ledger = new();
    private readonly AsyncLocal<QuotaAdmission?> _current = new();
    private readonly TimeProvider _time;
    private readonly long _configuredTokens;
    private readonly long _configuredRequests;
    private readonly double _target;
    private readonly RecentMedian _learntTokens = new();
    private readonly RecentMedian _learntRequests = new();
    private readonly RecentMedian _chargeFactor = new();
    private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _headerTokens;
    private long _headerRequests;

    /// <summary>Initializes a new instance of the <see cref="QuotaLimiter"/> class; a zero quota is learnt from headers.</summary>
    public QuotaLimiter(long tokensPerMinute, long requestsPerMinute, double target, TimeProvider? time = null)
    {
        _configuredTokens = Math.Max(0, tokensPerMinute);
        _configuredRequests = Math.Max(0, requestsPerMinute);
        _target = target;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Gets the tokens-per-minute quota in force: configured, else the service's header, else learnt; 0 when unknown.</summary>
    public long TokensPerMinute
    {
        get
        {
            lock (_gate)
            {
                return TokenLimit();
            }
        }
    }

    /// <summary>Gets the requests-per-minute quota in force, as <see cref="TokensPerMinute"/>; 0 when unknown.</summary>
    public long RequestsPerMinute
    {
        get
        {
            lock (_gate)
            {
                return RequestLimit();
            }
        }
    }

    /// <summary>Gets what the service charges per estimated token, as its headers show (1 until they do).</summary>
    public double ChargeFactor
    {
        get
        {
            lock (_gate)
            {
                return Factor();
            }
        }
    }

    /// <summary>Gets or sets the admission of the call under way in this async flow (read by <see cref="RateLimitHeadersHandler"/>).</summary>
    public QuotaAdmission? Current
    {
        get => _current.Value;
        set => _current.Value = value;
    }

    /// <summary>Waits until a call of the given estimated tokens fits the quota, and records it.</summary>
    public async ValueTask<QuotaAdmission> AcquireAsync(int estimatedTokens, CancellationToken cancellationToken)
    {
        // One caller at a time waits at the head of the line, so a large call is not overtaken forever by small ones.
        await _line.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ProbeAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    var now = _time.GetUtcNow();
                    Expire(now);
                    wait = Wait(Math.Max(1, estimatedTokens), now);
                    if (wait <= TimeSpan.Zero)
                    {
                        var admission = new QuotaAdmission(now, Math.Max(1, estimatedTokens));
                        _ledger.AddLast(admission);
                        return admission;
                    }
                }

                await DelayAsync(wait, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _line.Release();
        }
    }

    /// <summary>
    /// Knowing no quota, the first call goes alone and the others wait for its answer's headers: a burst of calls sent
    /// blind would overrun a 10-second window before any answer could say how large it is.
    /// </summary>
    private async Task ProbeAsync(CancellationToken cancellationToken)
    {
        bool probing;
        lock (_gate)
        {
            probing = _configuredTokens == 0 && _configuredRequests == 0 && _ledger.Count > 0 && !_answered.Task.IsCompleted;
        }

        if (probing)
        {
            try
            {
                await _answered.Task.WaitAsync(ProbeWait, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // The first call got no answer at all; go on without headers rather than hold every call.
                _answered.TrySetResult();
            }
        }
    }

    /// <summary>Takes back an admission the service refused (a 429 is not charged).</summary>
    public void Refund(QuotaAdmission admission)
    {
        lock (_gate)
        {
            _ledger.Remove(admission);
        }
    }

    /// <summary>
    /// Learns from an answer's rate-limit headers. Limit headers give the quota. Remaining counts give what the service
    /// has counted, which is compared with the client's ledger up to the call's own admission (the calls the service has
    /// surely seen): with a known limit that ratio is the charge factor; without one, remaining plus the ledger is the
    /// limit. Each is the median of recent answers, so one answer racing others does not swing it. An answer without
    /// headers (null) only ends the first call's probe.
    /// </summary>
    public void Observe(RateLimitHeaders? headers, QuotaAdmission? admission, bool throttled)
    {
        _answered.TrySetResult();
        if (headers is null)
        {
            return;
        }

        lock (_gate)
        {
            _headerTokens = headers.LimitTokens is > 0 and var tokens ? tokens : _headerTokens;
            _headerRequests = headers.LimitRequests is > 0 and var requests ? requests : _headerRequests;
            if (admission is null)
            {
                return;
            }

            Expire(_time.GetUtcNow());

            // A refused call was not counted by the service; the ones admitted before it were.
            var seen = Before(admission);
            if (!throttled && _ledger.Contains(admission))
            {
                seen.Add(admission);
            }

            var seenTokens = seen.Sum(a => (double)a.Tokens);
            if (headers.RemainingTokens is { } remaining)
            {
                var limit = _headerTokens > 0 ? _headerTokens : _configuredTokens;
                if (limit > 0 && seenTokens > 0 && limit > remaining)
                {
                    // Against a configured quota (it may be a share of the deployment's) the factor may only rise.
                    _chargeFactor.Add(Math.Clamp((limit - remaining) / seenTokens, _headerTokens > 0 ? 0.5 : 1, 2));
                }
                else if (limit == 0)
                {
                    _learntTokens.Add(remaining + (seenTokens * Factor()));
                }
            }

            if (headers.RemainingRequests is { } left && _headerRequests == 0 && _configuredRequests == 0)
            {
                _learntRequests.Add(left + seen.Count);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _line.Dispose();
        return ValueTask.CompletedTask;
    }

    private long TokenLimit() => _configuredTokens > 0 ? _configuredTokens : _headerTokens > 0 ? _headerTokens : (long)_learntTokens.Median;

    private long RequestLimit() => _configuredRequests > 0 ? _configuredRequests : _headerRequests > 0 ? _headerRequests : (long)_learntRequests.Median;

    private double Factor() => _chargeFactor.Count == 0 ? 1 : _chargeFactor.Median;

    /// <summary>The ledger's admissions before <paramref name="admission"/>, in admission order.</summary>
    private List<QuotaAdmission> Before(QuotaAdmission admission)
    {
        var before = new List<QuotaAdmission>();
        foreach (var entry in _ledger)
        {
            if (entry == admission || entry.At > admission.At)
            {
                break;
            }

            before.Add(entry);
        }

        return before;
    }

    private void Expire(DateTimeOffset now)
    {
        while (_ledger.First is { } oldest && oldest.Value.At + Window + Guard <= now)
        {
            _ledger.RemoveFirst();
        }
    }

    /// <summary>How long until a call of <paramref name="tokens"/> fits every rule; zero when it fits now.</summary>
    private TimeSpan Wait(int tokens, DateTimeOffset now)
    {
        var factor = Factor();
        var tokenLimit = TokenLimit() * _target;
        var requestLimit = RequestLimit() * _target;
        var wait = TimeSpan.Zero;
        foreach (var (span, share) in new[] { (Window, 1.0), (ShortWindow, 1 / 6.0) })
        {
            if (tokenLimit > 0)
            {
                wait = Max(wait, Until(now, span, tokenLimit * share, tokens * factor, a => a.Tokens * factor));
            }

            if (requestLimit > 0)
            {
                // A short span always admits at least one request, or a small quota would never admit any.
                wait = Max(wait, Until(now, span, Math.Max(1, requestLimit * share), 1, _ => 1));
            }
        }

        return wait;
    }

    /// <summary>
    /// How long until the admissions still inside <paramref name="span"/> leave room for <paramref name="need"/> under
    /// <paramref name="limit"/>. A call larger than the limit waits until it would be alone in the span.
    /// </summary>
    private TimeSpan Until(DateTimeOffset now, TimeSpan span, double limit, double need, Func<QuotaAdmission, double> weight)
    {
        var live = _ledger.Where(a => a.At + span + Guard > now).ToList();
        var used = live.Sum(weight);
        if (live.Count == 0 || used + need <= limit)
        {
            return TimeSpan.Zero;
        }

        foreach (var admission in live)
        {
            used -= weight(admission);
            if (used + need <= limit || used <= 0)
            {
                return admission.At + span + Guard - now;
            }
        }

        return TimeSpan.Zero;
    }

    /// <summary>
    /// Waits on the quota's clock. The waiter resumes inside the timer's callback, so a test's fake clock admits it
    /// during <c>Advance</c> itself and the test needs no real time.
    /// </summary>
    private async Task DelayAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource();
        using var timer = _time.CreateTimer(_ => done.TrySetResult(), null, wait, Timeout.InfiniteTimeSpan);
        using var registration = cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        await done.Task.ConfigureAwait(false);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

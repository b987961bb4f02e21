using Microsoft.Extensions.Time.Testing;
using Summarizer.Core.Resilience;

namespace Summarizer.Core.Tests.Resilience;

/// <summary>The client-side quota on a fake clock: what it admits, when, and what it learns from the service's headers.</summary>
public class QuotaTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Knowing_no_quota_the_first_call_goes_alone_and_an_answer_without_headers_lets_everything_through()
    {
        await using var quota = new QuotaLimiter(0, 0, 1, _time);
        var first = await quota.AcquireAsync(100_000, CancellationToken.None);
        var second = quota.AcquireAsync(100_000, CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);

        quota.Observe(null, first, throttled: false);
        await second;

        for (var i = 0; i < 1000; i++)
        {
            Assert.True(quota.AcquireAsync(100_000, CancellationToken.None).AsTask().IsCompletedSuccessfully);
        }
    }

    [Fact]
    public async Task No_sixty_second_span_ever_holds_more_than_the_quota_and_the_quota_is_still_used()
    {
        const long tpm = 120_000, rpm = 600;
        await using var quota = new QuotaLimiter(tpm, rpm, target: 1, _time);
        var random = new Random(11);
        var admitted = new List<QuotaAdmission>();

        // Calls of a job's sizes, one after another as fast as the quota lets them (the fake clock moves only while they wait).
        for (var i = 0; i < 200; i++)
        {
            admitted.Add(await DriveAsync(quota.AcquireAsync(random.Next(500, 5_000), CancellationToken.None).AsTask()));
        }

        var ordered = admitted.OrderBy(a => a.At).ToList();
        Assert.Equal(200, ordered.Count);
        foreach (var first in ordered)
        {
            var minute = ordered.Where(a => a.At >= first.At && a.At < first.At + TimeSpan.FromSeconds(60)).ToList();
            Assert.True(minute.Sum(a => a.Tokens) <= tpm, $"{minute.Sum(a => a.Tokens)} tokens in the minute from {first.At:HH:mm:ss.fff}");
            Assert.True(minute.Count <= rpm);
            var tenSeconds = ordered.Where(a => a.At >= first.At && a.At < first.At + TimeSpan.FromSeconds(10)).ToList();
            Assert.True(tenSeconds.Sum(a => a.Tokens) <= tpm / 6, $"{tenSeconds.Sum(a => a.Tokens)} tokens in the ten seconds from {first.At:HH:mm:ss.fff}");
        }

        // Paced, not starved: the whole run spends the quota at close to its rate.
        var minutes = (ordered[^1].At - ordered[0].At).TotalMinutes;
        var rate = (ordered.Sum(a => (double)a.Tokens) - ordered[^1].Tokens) / minutes;
        Assert.InRange(rate / tpm, 0.85, 1.05);
    }

    [Fact]
    public async Task A_call_larger_than_ten_seconds_of_quota_waits_until_it_is_alone_in_the_span()
    {
        await using var quota = new QuotaLimiter(tokensPerMinute: 6_000, requestsPerMinute: 0, target: 1, _time);
        var small = await quota.AcquireAsync(200, CancellationToken.None);

        var large = await DriveAsync(quota.AcquireAsync(5_000, CancellationToken.None).AsTask());

        Assert.True(large.At - small.At >= QuotaLimiter.ShortWindow);
    }

    [Fact]
    public async Task A_refused_call_is_refunded_so_the_next_one_need_not_wait_for_it()
    {
        await using var quota = new QuotaLimiter(tokensPerMinute: 60_000, requestsPerMinute: 0, target: 1, _time);
        var refused = await quota.AcquireAsync(9_000, CancellationToken.None);

        quota.Refund(refused);

        Assert.True(quota.AcquireAsync(9_000, CancellationToken.None).AsTask().IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Without_a_configured_quota_the_limit_headers_set_it()
    {
        await using var quota = new QuotaLimiter(0, 0, 1, _time);
        var admission = await quota.AcquireAsync(1_000, CancellationToken.None);

        quota.Observe(new RateLimitHeaders(60_000, 300, 59_000, 299, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(200)), admission, throttled: false);

        Assert.Equal((60_000, 300), (quota.TokensPerMinute, quota.RequestsPerMinute));
        Assert.False(quota.AcquireAsync(9_500, CancellationToken.None).AsTask().IsCompleted);
    }

    [Fact]
    public async Task With_remaining_counts_only_the_limit_is_what_remains_plus_what_was_admitted()
    {
        await using var quota = new QuotaLimiter(0, 0, 1, _time);
        var first = await quota.AcquireAsync(3_000, CancellationToken.None);
        quota.Observe(new RateLimitHeaders(null, null, 27_000, 599, null, null), first, throttled: false);
        var second = await quota.AcquireAsync(2_000, CancellationToken.None);

        // Azure sends only what remains; the service has counted both calls when it answers the second.
        quota.Observe(new RateLimitHeaders(null, null, 25_000, 598, null, null), second, throttled: false);

        Assert.Equal((30_000, 600), (quota.TokensPerMinute, quota.RequestsPerMinute));
    }

    [Fact]
    public async Task A_configured_quota_wins_and_the_headers_correct_what_a_call_is_charged()
    {
        await using var quota = new QuotaLimiter(tokensPerMinute: 100_000, requestsPerMinute: 0, target: 1, _time);
        var admission = await quota.AcquireAsync(10_000, CancellationToken.None);

        // The service counted 11,000 for a call the client put at 10,000.
        quota.Observe(new RateLimitHeaders(null, null, 89_000, null, null, null), admission, throttled: false);

        Assert.Equal(100_000, quota.TokensPerMinute);
        Assert.Equal(1.1, quota.ChargeFactor, 3);
    }

    [Fact]
    public async Task A_configured_quota_is_never_stretched_by_a_service_that_counts_less()
    {
        await using var quota = new QuotaLimiter(tokensPerMinute: 100_000, requestsPerMinute: 0, target: 1, _time);
        var admission = await quota.AcquireAsync(10_000, CancellationToken.None);

        // Remaining says only 5,000 were counted: the configured quota may be this client's share of a larger one.
        quota.Observe(new RateLimitHeaders(null, null, 95_000, null, null, null), admission, throttled: false);

        Assert.Equal(1, quota.ChargeFactor);
    }

    [Fact]
    public void Concurrency_halves_on_throttling_and_grows_back_one_at_a_time()
    {
        var gate = new AdaptiveConcurrency(8);

        gate.Throttled();
        gate.Throttled();
        Assert.Equal(2, gate.Limit);
        gate.Succeeded();
        Assert.Equal(2, gate.Limit);
        gate.Succeeded();
        Assert.Equal(3, gate.Limit);
        for (var i = 0; i < 100; i++)
        {
            gate.Succeeded();
        }

        Assert.Equal(8, gate.Limit);
    }

    [Fact]
    public async Task Callers_beyond_the_limit_wait_until_a_slot_is_given_back()
    {
        var gate = new AdaptiveConcurrency(2);
        using var first = await gate.EnterAsync(CancellationToken.None);
        var second = await gate.EnterAsync(CancellationToken.None);

        var third = gate.EnterAsync(CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);
        second.Dispose();
        using var admitted = await third.WaitAsync(TimeSpan.FromSeconds(5));

        using var cancelled = new CancellationTokenSource();
        var waiting = gate.EnterAsync(cancelled.Token).AsTask();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    /// <summary>Moves the fake clock in small steps until <paramref name="work"/> is done (bounded, so a stall fails).</summary>
    /// <remarks>
    /// The quota's waiters resume inside <see cref="FakeTimeProvider.Advance"/>, so no real time passes; the clock is
    /// moved from the thread pool because under xunit's synchronization context resumptions would be queued instead.
    /// </remarks>
    private async Task<T> DriveAsync<T>(Task<T> work)
    {
        await Task.Run(() =>
        {
            for (var step = 0; !work.IsCompleted; step++)
            {
                Assert.True(step < 100_000, "the quota stalled");
                _time.Advance(TimeSpan.FromMilliseconds(10));
            }
        });
        return await work;
    }
}

using System.Diagnostics;
using Summarizer.Core.Resilience;

namespace Summarizer.Core.Tests.Resilience;

public class QuotaTests
{
    [Fact]
    public async Task The_token_bucket_admits_ten_seconds_of_quota_at_once_and_then_paces_the_rest()
    {
        await using var quota = new QuotaLimiter(tokensPerMinute: 60_000, requestsPerMinute: 0, target: 1);
        Assert.Equal(10_000, quota.TokenBurst);
        var clock = Stopwatch.StartNew();

        await quota.AcquireAsync(10_000, CancellationToken.None);
        var afterBurst = clock.Elapsed;
        await quota.AcquireAsync(2_000, CancellationToken.None);

        Assert.True(afterBurst < TimeSpan.FromMilliseconds(100), $"burst took {afterBurst}");
        // 2,000 tokens at 1,000 a second: paced, not admitted at once (the upper bound only guards against a stall;
        // the bucket's 100 ms timer runs late on a busy machine).
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.5, 10);
    }

    [Fact]
    public async Task A_call_larger_than_the_bucket_waits_for_a_full_bucket_instead_of_failing()
    {
        await using var quota = new QuotaLimiter(tokensPerMinute: 6_000, requestsPerMinute: 0, target: 1);

        await quota.AcquireAsync(50_000, CancellationToken.None);

        Assert.Equal(1_000, quota.TokenBurst);
    }

    [Fact]
    public async Task No_quota_means_no_waiting()
    {
        await using var quota = new QuotaLimiter(0, 0, 1);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 1000; i++)
        {
            await quota.AcquireAsync(100_000, CancellationToken.None);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1));
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
        await Task.Delay(50);
        Assert.False(third.IsCompleted);
        second.Dispose();
        using var admitted = await third.WaitAsync(TimeSpan.FromSeconds(5));

        using var cancelled = new CancellationTokenSource(50);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await gate.EnterAsync(cancelled.Token));
    }
}

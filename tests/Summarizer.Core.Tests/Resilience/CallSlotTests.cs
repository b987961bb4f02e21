using Summarizer.Core.Resilience;

namespace Summarizer.Core.Tests.Resilience;

public class CallSlotTests
{
    [Fact]
    public async Task A_call_waiting_out_a_retry_gives_its_place_to_another_and_takes_it_back_before_its_next_attempt()
    {
        using var gate = new SemaphoreSlim(1);
        var freedWhileWaiting = false;

        var result = await CallSlot.RunAsync(
            gate,
            async () =>
            {
                CallSlot.Current!.GiveBack();
                freedWhileWaiting = await gate.WaitAsync(0);
                gate.Release();
                await CallSlot.Current.RetakeAsync(CancellationToken.None);
                return gate.CurrentCount;
            },
            CancellationToken.None);

        Assert.True(freedWhileWaiting);
        Assert.Equal(0, result);
        Assert.Equal(1, gate.CurrentCount);
    }

    [Fact]
    public async Task Giving_back_twice_frees_one_place_only()
    {
        using var gate = new SemaphoreSlim(2);

        await CallSlot.RunAsync(
            gate,
            () =>
            {
                CallSlot.Current!.GiveBack();
                CallSlot.Current.GiveBack();
                return Task.FromResult(0);
            },
            CancellationToken.None);

        Assert.Equal(2, gate.CurrentCount);
        Assert.Null(CallSlot.Current);
    }
}

using Summarizer.Core.Batch;
using Summarizer.Core.Store;

namespace Summarizer.Core.Tests.Batch;

/// <summary>
/// A process killed at every step of a round (after planning, after upload, after create, during download …) and
/// started again, with a fresh store and runner over the same database, creates no second batch, uploads no second
/// file, pays no line twice and loses no answer.
/// </summary>
public sealed class BatchRecoveryTests : BatchLoopback
{
    public static TheoryData<string, string> Kills()
    {
        var data = new TheoryData<string, string>();
        foreach (var step in Enum.GetNames<BatchStep>())
        {
            data.Add("openai", step);
            data.Add("azure", step);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kills))]
    public async Task A_kill_at_any_step_then_resume_submits_each_part_once_and_pays_each_line_once(string surface, string step)
    {
        var api = Api(surface);
        var limits = new BatchLimits(3, BatchLimits.TwoHundredMegabytes);
        var calls = Calls(api, 5);
        var killAt = Enum.Parse<BatchStep>(step);
        var first = Runner(api, Store(), limits);
        first.AfterStep = (at, _) =>
        {
            if (at == killAt)
            {
                throw new ProcessKilled();
            }
        };

        await Assert.ThrowsAsync<ProcessKilled>(async () =>
        {
            await first.SubmitAsync("job1", 1, calls, CancellationToken.None);
            await RunToEndAsync(first, "job1", 1);
        });
        var restarted = Runner(api, Store(), limits);
        var resubmitted = await restarted.SubmitAsync("job1", 1, calls, CancellationToken.None);
        var (state, _) = await RunToEndAsync(restarted, "job1", 1);

        Assert.Empty(resubmitted.Deferred);
        Assert.Equal((2, 2), (Server.Batch.Uploads, Server.Batch.BatchesCreated));
        Assert.Equal(calls.Select(c => c.CustomId).Order(), Server.Batch.Served.Keys.Order());
        Assert.All(Server.Batch.Served.Values, n => Assert.Equal(1, n));
        Assert.Equal(5, state.Answers.Count(a => a.Outcome == BatchOutcomes.Succeeded));
        Assert.All(state.Parts, p => Assert.Equal(BatchStore.Downloaded, p.State));
    }

    [Fact]
    public async Task The_batch_id_is_in_the_store_before_the_first_wait()
    {
        var api = Api("openai");
        var store = Store();
        var runner = Runner(api, store);

        await runner.SubmitAsync("job1", 1, Calls(api, 2), CancellationToken.None);

        var part = Assert.Single(store.Parts("job1", 1));
        Assert.Equal((BatchStore.Submitted, BatchStatuses.Validating), (part.State, part.Status));
        Assert.StartsWith("batch_", part.BatchId, StringComparison.Ordinal);
        Assert.Null(store.Input("job1", 1, 0));
    }

    [Fact]
    public async Task Calls_past_the_enqueued_token_bound_are_submitted_once_the_earlier_batch_has_ended()
    {
        var api = Api("azure");
        var calls = Calls(api, 4);
        var perCall = new BatchRound(Tokens).Estimate(calls[0].Body);
        var runner = Runner(api, Store(), new BatchLimits(100_000, BatchLimits.TwoHundredMegabytes, (perCall * 2) + 1));

        var first = await runner.SubmitAsync("job1", 1, calls, CancellationToken.None);
        var whileOpen = await runner.SubmitAsync("job1", 1, first.Deferred, CancellationToken.None);
        await RunToEndAsync(runner, "job1", 1);
        var afterwards = await runner.SubmitAsync("job1", 1, whileOpen.Deferred, CancellationToken.None);
        var (state, _) = await RunToEndAsync(runner, "job1", 1);

        Assert.Equal(["key-3", "key-4"], first.Deferred.Select(c => c.CustomId));
        Assert.Equal(first.Deferred, whileOpen.Deferred);
        Assert.Empty(afterwards.Deferred);
        Assert.Equal(2, Server.Batch.BatchesCreated);
        Assert.Equal(4, state.Answers.Count(a => a.Outcome == BatchOutcomes.Succeeded));
    }

    private sealed class ProcessKilled : Exception;
}

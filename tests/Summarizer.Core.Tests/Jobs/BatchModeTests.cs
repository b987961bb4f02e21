using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Jobs;
using Summarizer.Core.Outputs;
using Summarizer.Core.Store;
using Summarizer.Testing;
using Xunit.Abstractions;

namespace Summarizer.Core.Tests.Jobs;

/// <summary>
/// The five seeds through <c>--mode batch</c> against the loopback Batch API: the job exits after each submission
/// (<c>--no-wait</c>), the provider's clock moves on, and <c>resume</c> continues it from the store alone.
/// </summary>
public sealed class BatchModeTests(ITestOutputHelper output) : LoopbackServerTest, IAsyncLifetime
{
    private readonly TempFolder _realtime = new();

    [Fact]
    public async Task Five_seeds_finish_in_four_rounds_with_every_line_paid_once_and_the_outputs_of_a_realtime_run()
    {
        var batch = await RunInBatchesAsync(Output.Path);

        Assert.Equal(JobStatuses.Done, batch.Result.Status);
        Assert.Equal(4, batch.Rounds);
        Assert.Empty(Server.Requests);
        Assert.All(Server.Batch.Served, line => Assert.Equal(1, line.Value));

        // Every chunk of every article translates in round 1; summarize in 2, merge in 3, brief in 4.
        var manifest = new JobFolder(batch.Result.JobDirectory).ReadManifest();
        var rounds = manifest.Batch!;
        Assert.Equal([1, 2, 3, 4], rounds.Select(r => r.Round));
        Assert.Equal(1, rounds[3].Lines);
        Assert.Equal(5, rounds[2].Lines);
        Assert.Equal(rounds.Sum(r => r.Lines), Server.Batch.Served.Count);
        Assert.All(rounds, r => Assert.Equal((r.Lines, 0, 0), (r.Succeeded, r.Failed, r.Resubmitted)));
        var translate = manifest.Stages.Single(s => s.Stage == "translate");
        Assert.Equal(rounds[0].Lines, translate.Calls);
        Assert.Equal(rounds.Sum(r => r.InputTokens), manifest.Usage.InputTokens);

        // Same fake model, same answers: the batch job's outputs are the realtime job's (context aside, which carries no English in batch mode).
        var realtime = await LoopbackJob.RunSeedsAsync(LoopbackJob.OpenAIServices(Server, _realtime.Path));
        var (a, b) = (new JobFolder(realtime.JobDirectory), new JobFolder(batch.Result.JobDirectory));
        Assert.Equal(a.ArticleIds(), b.ArticleIds());
        foreach (var id in a.ArticleIds())
        {
            var (x, y) = (a.ReadArticle(id)!, b.ReadArticle(id)!);
            Assert.Equal(x.Translation.Sentences.Select(s => s.En), y.Translation.Sentences.Select(s => s.En));
            Assert.Equal(x.Claims.Claims.Select(c => (c.En, string.Join(",", c.Sources))), y.Claims.Claims.Select(c => (c.En, string.Join(",", c.Sources))));
        }

        Assert.Equal(Strip(File.ReadAllText(a.File(JobFolder.BriefingMarkdown)), realtime.JobId), Strip(File.ReadAllText(b.File(JobFolder.BriefingMarkdown)), batch.Result.JobId));
        Assert.True(manifest.Usage.CostUsd < new JobFolder(realtime.JobDirectory).ReadManifest().Usage.CostUsd);
    }

    [Fact]
    public async Task Lines_that_fail_are_resubmitted_once_and_a_line_that_fails_twice_fails_its_item_while_the_job_goes_on()
    {
        // One summarize line answers 500 every time; every translate line answers 429 the first time it runs.
        var failing = new HashSet<string>(StringComparer.Ordinal);
        string? stuck = null;
        Server.Batch.LineReply = (id, request) =>
        {
            lock (failing)
            {
                if (request.Stage == "summarize" && (stuck ??= id) == id)
                {
                    return FakeModelReply.Error(500, "server_error", "The server had an error while processing your request.");
                }

                return request.Stage == "translate" && failing.Add(id) ? FakeModelReply.Error(429, "429", "Rate limit reached for requests") : null;
            }
        };

        var batch = await RunInBatchesAsync(Output.Path);

        Assert.Equal(JobStatuses.Partial, batch.Result.Status);
        Assert.NotNull(stuck);
        Assert.Equal(2, Server.Batch.Served[stuck]);
        Assert.All(Server.Batch.Served.Where(p => p.Key != stuck && !failing.Contains(p.Key)), p => Assert.Equal(1, p.Value));
        var manifest = new JobFolder(batch.Result.JobDirectory).ReadManifest();
        Assert.Contains(manifest.Failures, f => f.Stage == "summarize" && f.Reason.Contains("the batch line failed twice", StringComparison.Ordinal));
        Assert.Equal(failing.Count + 1, manifest.Batch!.Sum(r => r.Resubmitted));
        // Each failure on the path to the brief costs one round: the 429s send every translation again in round 2, so
        // summarize runs in 3; the stuck line fails again in 4 (its chunk's claims are lost, the article goes on), merge
        // runs in 5 and brief in 6. Without failures the same job takes 4 rounds (the test above).
        Assert.Equal(6, batch.Rounds);
        output.WriteLine($"rounds {batch.Rounds}; lines {manifest.Batch!.Sum(r => r.Lines)}; resubmitted {manifest.Batch!.Sum(r => r.Resubmitted)}");
    }

    [Fact]
    public async Task Resuming_while_a_round_is_open_submits_nothing_again()
    {
        var services = LoopbackJob.OpenAIServices(Server, Output.Path, ("Summarizer:Jobs:Mode", "batch"));
        var runner = services.GetRequiredService<JobRunner>();
        var first = await runner.RunAsync(new JobRequest([RepositoryPaths.Seeds]) { NoWait = true });

        for (var i = 0; i < 3; i++)
        {
            var again = await runner.ResumeAsync(first.JobId, new JobRequest([]) { NoWait = true });
            Assert.Equal((JobStatuses.Waiting, 1, false), (again.Status, again.Batch!.Round, again.Batch.SubmittedNow));
        }

        Assert.Equal(1, Server.Batch.BatchesCreated);
        Assert.Equal(1, Server.Batch.Uploads);
        Assert.Equal(JobStatuses.Waiting, new JobStore(JobStore.PathIn(Output.Path)).GetJob(first.JobId)!.Status);
    }

    protected override void Dispose(bool disposing)
    {
        _realtime.Dispose();
        base.Dispose(disposing);
    }

    private static string Strip(string text, string jobId) => text.Replace(jobId, "JOB", StringComparison.Ordinal);

    /// <summary>Runs the seeds in batch mode, exiting after every submission and resuming once the provider's clock has moved on.</summary>
    private async Task<(JobResult Result, int Rounds)> RunInBatchesAsync(string outputRoot)
    {
        var services = LoopbackJob.OpenAIServices(Server, outputRoot, ("Summarizer:Jobs:Mode", "batch"));
        var runner = services.GetRequiredService<JobRunner>();
        var result = await runner.RunAsync(new JobRequest([RepositoryPaths.Seeds]) { NoWait = true });
        var rounds = 0;
        while (result.Status == JobStatuses.Waiting)
        {
            Assert.True(result.Batch!.SubmittedNow);
            rounds = result.Batch.Round;
            Assert.True(rounds <= 8, "too many rounds");
            Server.Batch.Advance(TimeSpan.FromHours(1));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            result = await runner.ResumeAsync(result.JobId, new JobRequest([]) { NoWait = true });
            output.WriteLine($"round {rounds} resumed in {watch.ElapsedMilliseconds} ms");
        }

        output.WriteLine($"{result.JobId}: {result.Status} after {rounds} rounds; {Server.Batch.Served.Count} lines; {JsonSerializer.Serialize(Server.Batch.Served.Values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count()))}");
        return (result, rounds);
    }
}

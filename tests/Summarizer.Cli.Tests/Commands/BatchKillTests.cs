using System.Text.Json;
using Summarizer.Core.Store;
using Summarizer.Testing;
using Xunit.Abstractions;

namespace Summarizer.Cli.Tests.Commands;

/// <summary>
/// A batch job through the real CLI process, failed and killed (SIGKILL) at the steps of its rounds: the batch's
/// creation answers 503, the process is killed while it polls an open batch, while it downloads the output file and
/// while it uploads the next round's file. Resumed until done, no line is paid twice, each part has one upload and one
/// batch, and the outputs equal those of an uninterrupted batch run.
/// </summary>
public sealed class BatchKillTests(ITestOutputHelper output) : LoopbackServerTest, IAsyncLifetime
{
    private const string Key = "sk-batch-kill-7c9e1b3d5f";
    private readonly TempFolder _baseline = new();

    [Fact]
    public async Task A_batch_job_failed_once_and_killed_three_times_pays_each_line_once_and_ends_equal_to_an_uninterrupted_run()
    {
        await using var other = await LoopbackOpenAiServer.StartAsync();
        CliResult uninterrupted;
        using (Tick(other))
        {
            uninterrupted = await CliProcess.RunAsync(RepositoryPaths.Root, Environment, Args(other, "run", RepositoryPaths.Seeds, _baseline.Path, "--mode", "batch"));
        }

        Assert.True(uninterrupted.ExitCode == ExitCodes.Success, uninterrupted.Error);

        // The batch's creation fails: one line naming the job, the service's reason and what to run next; exit 4.
        Server.Batch.FaultNext(BatchOperation.Create, BatchFaultKind.Error, 503);
        var failed = await CliProcess.RunAsync(RepositoryPaths.Root, Environment, Args(Server, "run", RepositoryPaths.Seeds, Output.Path, "--mode", "batch", "--no-wait"));
        var store = new JobStore(JobStore.PathIn(Output.Path));
        var jobId = Assert.Single(store.ListJobs()).JobId;
        Assert.Equal(ExitCodes.BatchApiFailed, failed.ExitCode);
        Assert.Equal(
            $"error: batch API (job {jobId}): creation of a batch over file-000001 failed (HTTP 503: The engine is currently overloaded, please try again later). 'summarizer resume {jobId}' continues where it stopped",
            Assert.Single(failed.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal)));
        Assert.Equal((1, 0), (Server.Batch.Uploads, Server.Batch.BatchesCreated));

        // Killed while it waits: the batch exists and has been polled.
        await RunAndKillAsync(jobId, () => Server.Batch.Paths.Count(p => p.StartsWith("GET /v1/batches/batch_", StringComparison.Ordinal)) >= 2, ticking: false);
        Assert.Equal((1, 1), (Server.Batch.Uploads, Server.Batch.BatchesCreated));

        // Killed while it downloads round 1's output file, then while it uploads round 2's (the file reached the service).
        Server.Batch.FaultNext(BatchOperation.Download, BatchFaultKind.Hang);
        await RunAndKillAsync(jobId, () => Server.Batch.FaultsHit.Contains("Download Hang"), ticking: true);
        Assert.Single(store.ListJobs());
        Server.Batch.FaultNext(BatchOperation.Upload, BatchFaultKind.Hang);
        await RunAndKillAsync(jobId, () => Server.Batch.FaultsHit.Contains("Upload Hang"), ticking: true);
        Assert.Equal((2, 1), (Server.Batch.Uploads, Server.Batch.BatchesCreated));

        CliResult final;
        using (Tick(Server))
        {
            final = await CliProcess.RunAsync(RepositoryPaths.Root, Environment, Args(Server, "resume", jobId, Output.Path));
        }

        Assert.True(final.ExitCode == ExitCodes.Success, final.Error);
        Assert.Equal(["Create Error", "Download Hang", "Upload Hang"], Server.Batch.FaultsHit);
        var parts = new BatchStore(store).Parts(jobId);
        Assert.All(Server.Batch.Served.Values, served => Assert.Equal(1, served));
        Assert.Equal(parts.SelectMany(p => p.CustomIds).Order(StringComparer.Ordinal), Server.Batch.Served.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(other.Batch.Served.Keys.Order(StringComparer.Ordinal), Server.Batch.Served.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((parts.Count, parts.Count), (Server.Batch.Uploads, Server.Batch.BatchesCreated));
        Assert.Equal(other.Batch.BatchesCreated, parts.Count);
        Assert.Empty(Server.Requests);
        AssertSameOutputs(new JobStore(JobStore.PathIn(_baseline.Path)).ListJobs().Single(), store.GetJob(jobId)!);
        Assert.DoesNotContain(Key, failed.Error + final.Output + final.Error, StringComparison.Ordinal);
    }

    protected override void Dispose(bool disposing)
    {
        _baseline.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Resumes the job, waiting for its rounds, and kills it (SIGKILL) once <paramref name="reached"/> holds.</summary>
    private async Task RunAndKillAsync(string jobId, Func<bool> reached, bool ticking)
    {
        using var clock = ticking ? Tick(Server) : null;
        using var process = CliProcess.Start(RepositoryPaths.Root, Environment, Args(Server, "resume", jobId, Output.Path));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!reached() && !process.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        if (process.HasExited)
        {
            Assert.Fail($"the job ended before it could be killed: {await process.StandardError.ReadToEndAsync()}");
        }

        output.WriteLine($"killing after: {string.Join(" | ", Server.Batch.Paths.TakeLast(3))}");
        if (!reached())
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the job never reached the step to kill it at");
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    private static ClockTicker Tick(LoopbackOpenAiServer server) => new(server);

    private static void AssertSameOutputs(StoredJob expected, StoredJob actual)
    {
        var articles = Directory.GetDirectories(Path.Combine(expected.Directory, "articles")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(articles, Directory.GetDirectories(Path.Combine(actual.Directory, "articles")).Select(Path.GetFileName).Order());
        foreach (var article in articles)
        {
            foreach (var (file, property) in new[] { ("translation.json", "sentences"), ("claims.json", "claims"), ("claims.json", "summary_en") })
            {
                using var a = JsonDocument.Parse(File.ReadAllText(Path.Combine(expected.Directory, "articles", article!, file)));
                using var b = JsonDocument.Parse(File.ReadAllText(Path.Combine(actual.Directory, "articles", article!, file)));
                Assert.Equal(a.RootElement.GetProperty(property).GetRawText(), b.RootElement.GetProperty(property).GetRawText());
            }
        }

        Assert.Equal(
            File.ReadAllText(Path.Combine(expected.Directory, "briefing.md")).Replace(expected.JobId, "JOB", StringComparison.Ordinal),
            File.ReadAllText(Path.Combine(actual.Directory, "briefing.md")).Replace(actual.JobId, "JOB", StringComparison.Ordinal));
    }

    private static string[] Args(LoopbackOpenAiServer server, string verb, string target, string output, params string[] more) =>
        [verb, target, "--engine", "openai", "--endpoint", new Uri(server.BaseAddress, "v1").ToString(), "--model", "gpt-4o-mini", "--out", output, .. more];

    private static Dictionary<string, string> Environment => new() { ["OPENAI_API_KEY"] = Key, ["Summarizer__Batch__PollSeconds"] = "0.1" };

    /// <summary>Moves the provider's clock on five minutes every 50 ms until disposed, so a waiting CLI sees its batches end.</summary>
    private sealed class ClockTicker : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _ticking;

        public ClockTicker(LoopbackOpenAiServer server) => _ticking = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                server.Batch.Advance(TimeSpan.FromMinutes(5));
                await Task.Delay(50, CancellationToken.None);
            }
        });

        public void Dispose()
        {
            _stop.Cancel();
            _ticking.Wait();
            _stop.Dispose();
        }
    }
}

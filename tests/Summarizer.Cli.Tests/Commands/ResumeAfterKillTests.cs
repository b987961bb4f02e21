using System.Text.Json;
using Summarizer.Core.Store;
using Summarizer.Testing;

namespace Summarizer.Cli.Tests.Commands;

/// <summary>
/// The CLI is killed (SIGKILL) at random points mid-job and resumed: no answer that was stored before a kill is
/// requested again, and the final outputs equal those of an uninterrupted run.
/// </summary>
public sealed class ResumeAfterKillTests : LoopbackServerTest, IAsyncLifetime
{
    private const string Key = "sk-kill-test-0a1b2c3d4e";
    private readonly TempFolder _baseline = new();

    [Fact]
    public async Task A_job_killed_twice_at_random_points_resumes_without_paying_twice_and_ends_equal_to_an_uninterrupted_run()
    {
        var baseline = await CliProcess.RunAsync(RepositoryPaths.Root, Environment, Args("run", RepositoryPaths.Seeds, _baseline.Path));
        Assert.True(baseline.ExitCode == ExitCodes.Success, baseline.Error);
        var total = Server.Requests.Count;
        var random = new Random(20261123);
        Server.Delay = TimeSpan.FromMilliseconds(40);

        var kills = new List<(IReadOnlySet<string> Cached, int Marker)> { await RunAndKillAsync(random.Next(3, total / 2), "run", RepositoryPaths.Seeds) };
        var store = new JobStore(JobStore.PathIn(Output.Path));
        var jobId = Assert.Single(store.ListJobs()).JobId;
        kills.Add(await RunAndKillAsync(random.Next(3, total / 2), "resume", jobId));
        Server.Delay = TimeSpan.Zero;
        var final = await CliProcess.RunAsync(RepositoryPaths.Root, Environment, Args("resume", jobId, Output.Path));

        Assert.True(final.ExitCode == ExitCodes.Success, final.Error);
        var requests = Server.Requests;
        foreach (var (cached, marker) in kills)
        {
            // Nothing whose valid answer was stored before a kill is sent again afterwards.
            Assert.DoesNotContain(requests.Skip(marker), r => cached.Contains(LoopbackOpenAiServer.InputKey(r)));
        }

        // What is paid again is at most what was in flight at each kill (two workers).
        Assert.InRange(requests.Count - total, total, total + (kills.Count * 2));

        var job = store.GetJob(jobId)!;
        Assert.Equal("done", job.Status);
        Assert.Empty(Directory.GetFiles(job.Directory, "*.partial", SearchOption.AllDirectories));
        var baselineJob = new JobStore(JobStore.PathIn(_baseline.Path)).ListJobs().Single();
        AssertSameOutputs(baselineJob.Directory, job.Directory);
    }

    protected override void Dispose(bool disposing)
    {
        _baseline.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Starts the CLI, kills it once the server has seen <paramref name="afterRequests"/> more requests, and
    /// returns what the cache held at the kill and how many requests the server had seen by then.</summary>
    private async Task<(IReadOnlySet<string> Cached, int Marker)> RunAndKillAsync(int afterRequests, string verb, string target)
    {
        var start = Server.Requests.Count;
        using (var process = CliProcess.Start(RepositoryPaths.Root, Environment, Args(verb, target, Output.Path)))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (Server.Requests.Count - start < afterRequests && !process.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }

            Assert.False(process.HasExited, "the job finished before it could be killed");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var cached = new JobStore(JobStore.PathIn(Output.Path)).CachedInputs();
        Assert.NotEmpty(cached);
        return (cached, Server.Requests.Count);
    }

    private static void AssertSameOutputs(string expectedJob, string actualJob)
    {
        var articles = Directory.GetDirectories(Path.Combine(expectedJob, "articles")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(articles, Directory.GetDirectories(Path.Combine(actualJob, "articles")).Select(Path.GetFileName).Order());
        foreach (var article in articles)
        {
            foreach (var (file, property) in new[] { ("translation.json", "sentences"), ("claims.json", "claims"), ("claims.json", "summary_en") })
            {
                using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(expectedJob, "articles", article!, file)));
                using var actual = JsonDocument.Parse(File.ReadAllText(Path.Combine(actualJob, "articles", article!, file)));
                Assert.Equal(expected.RootElement.GetProperty(property).GetRawText(), actual.RootElement.GetProperty(property).GetRawText());
            }
        }

        // The briefing differs only in the line naming the job.
        static IEnumerable<string> Body(string job) => File.ReadAllLines(Path.Combine(job, "briefing.md")).Where(l => !l.StartsWith("_job ", StringComparison.Ordinal));
        Assert.Equal(Body(expectedJob), Body(actualJob));
    }

    private string[] Args(string verb, string target, string output) =>
        [verb, target, "--engine", "openai", "--endpoint", new Uri(Server.BaseAddress, "v1").ToString(), "--model", "gpt-4o-mini", "--out", output, "--concurrency", "2"];

    private static Dictionary<string, string> Environment => new() { ["OPENAI_API_KEY"] = Key };
}

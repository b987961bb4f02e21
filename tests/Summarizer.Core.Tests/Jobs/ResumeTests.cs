using Summarizer.Core.Outputs;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Jobs;
using Summarizer.Core.Prompts;
using Summarizer.Core.Store;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Jobs;

/// <summary>Resume continues a job exactly as it was started, and the store always says how a job ended.</summary>
public sealed class ResumeTests : LoopbackServerTest, IAsyncLifetime
{
    private readonly TempFolder _inputs = new();

    [Fact]
    public async Task Resume_refuses_settings_that_would_change_the_job_and_names_rerun()
    {
        var runner = Services().GetRequiredService<JobRunner>();
        var job = await runner.RunAsync(new JobRequest([RepositoryPaths.Seed("002")]));
        MarkRunning(job.JobId);
        var calls = Server.Requests.Count;

        var error = await Assert.ThrowsAsync<JobChangeRefusedException>(() => runner.ResumeAsync(
            job.JobId, new JobRequest([]) { PromptVersions = new Dictionary<string, int> { ["summarize"] = 1 }, ChunkTokens = 100, OnFilter = FilterPolicy.Split }));

        Assert.Equal(["--prompt", "--chunk-tokens", "--on-filter"], error.Options);
        Assert.Contains($"use 'summarizer rerun {job.JobId}", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(calls, Server.Requests.Count);
    }

    [Fact]
    public async Task Resume_with_the_same_settings_it_started_with_is_allowed()
    {
        var runner = Services().GetRequiredService<JobRunner>();
        var job = await runner.RunAsync(new JobRequest([RepositoryPaths.Seed("002")]) { ChunkTokens = 300 });
        MarkRunning(job.JobId);

        var resumed = await runner.ResumeAsync(job.JobId, new JobRequest([]) { ChunkTokens = 300, Engine = new() { Kind = "openai", Model = "gpt-4o-mini" } });

        Assert.Equal(JobStatuses.Done, resumed.Status);
        Assert.All(resumed.Usage, u => Assert.Equal(0, u.Calls));
    }

    [Fact]
    public async Task Resuming_a_done_job_touches_nothing()
    {
        var runner = Services().GetRequiredService<JobRunner>();
        var job = await runner.RunAsync(new JobRequest([RepositoryPaths.Seed("002")]));
        var manifest = Path.Combine(job.JobDirectory, "manifest.json");
        var written = File.GetLastWriteTimeUtc(manifest);
        var calls = Server.Requests.Count;

        var done = await Assert.ThrowsAsync<JobAlreadyDoneException>(() => runner.ResumeAsync(job.JobId, new JobRequest([])));

        Assert.Equal(job.JobId, done.JobId);
        Assert.Equal(calls, Server.Requests.Count);
        Assert.Equal(written, File.GetLastWriteTimeUtc(manifest));
    }

    [Fact]
    public async Task An_exception_mid_job_marks_it_failed_with_the_reason_never_running()
    {
        var runner = Services().GetRequiredService<JobRunner>();

        var error = await Assert.ThrowsAsync<IOException>(() => runner.RunAsync(new JobRequest([RepositoryPaths.Seed("002")]), new ThrowingProgress()));

        var job = Assert.Single(Store().ListJobs());
        Assert.Equal(JobStatuses.Failed, job.Status);
        Assert.Equal(error.Message, job.Reason);
        Assert.NotNull(job.Finished);
    }

    [Fact]
    public async Task A_cancelled_job_is_recorded_as_stopped_with_how_to_continue()
    {
        using var cancellation = new CancellationTokenSource();
        var runner = Services().GetRequiredService<JobRunner>();

        var result = await runner.RunAsync(new JobRequest([RepositoryPaths.Seed("002")]), new CancelOnStart(cancellation), cancellation.Token);

        var job = Assert.Single(Store().ListJobs());
        Assert.Equal((JobStatuses.Cancelled, JobStatuses.Cancelled), (result.Status, job.Status));
        Assert.Contains("'summarizer resume' continues it", job.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Articles_whose_input_changed_or_vanished_keep_their_finished_outputs_or_are_reported()
    {
        foreach (var seed in new[] { "002", "003", "004" })
        {
            File.Copy(RepositoryPaths.Seed(seed), Path.Combine(_inputs.Path, Path.GetFileName(RepositoryPaths.Seed(seed))));
        }

        var runner = Services().GetRequiredService<JobRunner>();
        var first = await runner.RunAsync(new JobRequest([_inputs.Path]));
        MarkRunning(first.JobId);
        var (finished, vanished, untouched) = (first.Articles[0], first.Articles[1], first.Articles[2]);
        File.AppendAllText(finished.Path, "\nفقرة أضيفت بعد بدء المهمة.\n");

        // As if the job had been killed before this article finished: no outputs, and now no input either.
        Directory.Delete(Path.Combine(first.JobDirectory, "articles", vanished.Id), recursive: true);
        File.Delete(vanished.Path);

        var resumed = await runner.ResumeAsync(first.JobId, new JobRequest([]));

        var byId = resumed.Articles.ToDictionary(a => a.Id);
        Assert.Equal(3, byId.Count);
        Assert.Equal((JobStatuses.Done, "input changed since the job started; its finished outputs were kept"), (byId[finished.Id].Status, byId[finished.Id].Reason));
        Assert.Equal(JobStatuses.Failed, byId[vanished.Id].Status);
        Assert.StartsWith("input missing; it had not finished", byId[vanished.Id].Reason, StringComparison.Ordinal);
        Assert.Equal(JobStatuses.Done, byId[untouched.Id].Status);
        Assert.Null(byId[untouched.Id].Reason);
        Assert.Equal(2, Server.Count("brief"));
        Assert.Contains(finished.Id, Server.Requests.Last(r => r.Stage == "brief").Body, StringComparison.Ordinal);
        Assert.DoesNotContain(vanished.Id, Server.Requests.Last(r => r.Stage == "brief").Body, StringComparison.Ordinal);
        Assert.Contains($"{finished.Id}/side-by-side.html#s", File.ReadAllText(Path.Combine(resumed.JobDirectory, "briefing.md")), StringComparison.Ordinal);
        var manifest = File.ReadAllText(Path.Combine(resumed.JobDirectory, "manifest.json"));
        Assert.Contains("input changed since the job started", manifest, StringComparison.Ordinal);
        Assert.Contains("input missing", manifest, StringComparison.Ordinal);
        Assert.Equal(JobStatuses.Partial, Store().GetJob(first.JobId)!.Status);
    }

    [Fact]
    public async Task A_rerun_writes_its_diff_and_its_index_links_it()
    {
        var runner = Services().GetRequiredService<JobRunner>();
        var first = await runner.RunAsync(new JobRequest([RepositoryPaths.Seed("002")]));

        var second = await runner.RerunAsync(first.JobId, new JobRequest([]));

        Assert.True(File.Exists(Path.Combine(second.JobDirectory, "diff.html")));
        Assert.Contains("href=\"diff.html\"", File.ReadAllText(Path.Combine(second.JobDirectory, "index.html")), StringComparison.Ordinal);
        Assert.DoesNotContain("diff.html", File.ReadAllText(Path.Combine(first.JobDirectory, "index.html")), StringComparison.Ordinal);
    }

    protected override void Dispose(bool disposing)
    {
        _inputs.Dispose();
        base.Dispose(disposing);
    }

    private ServiceProvider Services(params (string, string)[] more) => LoopbackJob.OpenAIServices(Server, Output.Path, more);

    private JobStore Store() => new(JobStore.PathIn(Output.Path));

    /// <summary>Makes the store say the job is still running, as it does after the process was killed.</summary>
    private void MarkRunning(string jobId)
    {
        var store = Store();
        store.SaveJob(store.GetJob(jobId)! with { Status = JobStatuses.Running, Finished = null });
    }

    private sealed class ThrowingProgress : IJobProgress
    {
        public void Started(int articles, int estimatedCalls) => throw new IOException("disk full while writing progress");

        public void CallFinished(string stage)
        {
        }

        public void ArticleFinished(string articleId, string status, string? reason)
        {
        }

        public void Message(string text)
        {
        }
    }

    private sealed class CancelOnStart(CancellationTokenSource source) : IJobProgress
    {
        public void Started(int articles, int estimatedCalls) => source.Cancel();

        public void CallFinished(string stage)
        {
        }

        public void ArticleFinished(string articleId, string status, string? reason)
        {
        }

        public void Message(string text)
        {
        }
    }
}

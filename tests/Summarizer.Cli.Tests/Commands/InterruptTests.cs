using System.Diagnostics;
using System.Globalization;
using Summarizer.Core.Outputs;
using Summarizer.Core.Store;
using Summarizer.Testing;

namespace Summarizer.Cli.Tests.Commands;

/// <summary>
/// Ctrl+C (SIGINT) while a job waits on a slow model, through the real process: it ends within seconds with exit 130,
/// the store and the manifest say cancelled and name which articles finished (their files stay) and which were
/// stopped, and resume finishes the rest without touching what was finished.
/// </summary>
public sealed class InterruptTests : LoopbackServerTest, IAsyncLifetime
{
    private const string Key = "sk-interrupt-test-5e6f7a";

    [Fact]
    public async Task Sigint_during_run_and_during_resume_exits_130_keeping_finished_articles_and_a_last_resume_finishes_the_job()
    {
        var run = await InterruptAsync(["run", RepositoryPaths.Seeds], writtenBefore: 0);
        var kept = Files(run.Job, run.Done);
        var resumed = await InterruptAsync(["resume", run.Job.JobId], writtenBefore: run.Done.Count);

        Assert.Equal(run.Job.JobId, resumed.Job.JobId);
        Assert.True(resumed.Done.Count > run.Done.Count, "the interrupted resume finished at least one more article");
        Assert.Subset(resumed.Done.ToHashSet(), run.Done.ToHashSet());
        Assert.Equal(kept, Files(resumed.Job, run.Done));

        Server.Override = null;
        var final = await CliProcess.RunAsync(RepositoryPaths.Root, Environment, Args("resume", run.Job.JobId));

        Assert.True(final.ExitCode == ExitCodes.Success, final.Error);
        Assert.Equal(JobStatuses.Done, Store().GetJob(run.Job.JobId)!.Status);
        Assert.All(new JobFolder(run.Job.Directory).ReadManifest().Articles, a => Assert.Equal(JobStatuses.Done, a.Status));
        Assert.Equal(kept, Files(run.Job, run.Done));
    }

    [Fact]
    public async Task Sigint_during_rerun_exits_130_with_the_new_job_cancelled_and_the_old_one_untouched()
    {
        var first = await CliProcess.RunAsync(RepositoryPaths.Root, Environment, Args("run", RepositoryPaths.Seeds));
        Assert.True(first.ExitCode == ExitCodes.Success, first.Error);
        var old = Assert.Single(Store().ListJobs());

        // Another chunk size makes every call of the re-run new, so it waits on the model like a first run.
        var rerun = await InterruptAsync(["rerun", old.JobId, "--chunk-tokens", "90"], writtenBefore: 5);

        Assert.NotEqual(old.JobId, rerun.Job.JobId);
        Assert.Equal(old.JobId, rerun.Job.Parent);
        Assert.Equal(JobStatuses.Done, Store().GetJob(old.JobId)!.Status);
        Assert.Equal(JobStatuses.Done, new JobFolder(old.Directory).ReadManifest().Status);
    }

    /// <summary>
    /// Starts the command, waits until it has written an article more than <paramref name="writtenBefore"/> (the
    /// others wait on their merge), sends SIGINT, and checks what every interrupted job must show. Returns the job and its finished articles.
    /// </summary>
    private async Task<(StoredJob Job, IReadOnlyList<string> Done)> InterruptAsync(string[] command, int writtenBefore)
    {
        var jobsBefore = Store().ListJobs().Select(j => j.JobId).ToHashSet();

        // The first article to reach merge finishes; every later merge waits a minute: Ctrl+C comes mid-job.
        var merges = 0;
        Server.Override = r => r.Stage == "merge" && Interlocked.Increment(ref merges) > 1
            ? new FakeModelReply(200, LoopbackOpenAiServer.Completion(FakeModel.Answer(r.Stage, r.Input))) { Delay = TimeSpan.FromMinutes(1) }
            : null;
        using var process = CliProcess.Start(RepositoryPaths.Root, Environment, Args(command[0], command[1], command[2..]));
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Directory.GetFiles(Output.Path, JobFolder.Claims, SearchOption.AllDirectories).Length <= writtenBefore && !process.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.False(process.HasExited, "the job ended before it could be interrupted");
        var stopping = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await process.WaitForExitAsync(limit.Token);
        }

        stopping.Stop();
        var stderr = await error;
        Assert.True(process.ExitCode == ExitCodes.Cancelled, $"exit {process.ExitCode}; stderr: {stderr}");
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(15), $"took {stopping.Elapsed} to stop: the calls in flight were not cancelled");

        // The job it ran (a new one, or the resumed one) is cancelled in the store and in its manifest.
        var job = command[0] == "resume" ? Store().GetJob(command[1])! : Assert.Single(Store().ListJobs(), j => !jobsBefore.Contains(j.JobId));
        Assert.Equal(JobStatuses.Cancelled, job.Status);
        Assert.Contains($"Job {job.JobId}: cancelled", await output, StringComparison.Ordinal);
        var folder = new JobFolder(job.Directory);
        var manifest = folder.ReadManifest();
        Assert.Equal(JobStatuses.Cancelled, manifest.Status);
        var done = manifest.Articles.Where(a => a.Status == JobStatuses.Done).Select(a => a.Id).ToList();
        var stopped = manifest.Articles.Where(a => a.Status == JobStatuses.Cancelled).Select(a => a.Id).ToList();
        Assert.NotEmpty(done);
        Assert.NotEmpty(stopped);
        Assert.Equal(manifest.Articles.Count, done.Count + stopped.Count);
        Assert.All(done, id => Assert.NotNull(folder.ReadArticle(id)));
        Assert.All(stopped, id => Assert.Null(folder.ReadArticle(id)));
        Assert.All(stopped, id => Assert.Contains($"_{id[4..]}.txt: cancelled: stopped before it finished", stderr, StringComparison.Ordinal));
        Assert.False(File.Exists(folder.File(JobFolder.BriefingMarkdown)), "no briefing from a cancelled job");
        return (job, done);
    }

    private static List<string> Files(StoredJob job, IEnumerable<string> articles) =>
        articles.SelectMany(id => new[] { JobFolder.Translation, JobFolder.Claims }.Select(name => File.ReadAllText(new JobFolder(job.Directory).ArticleFile(id, name)))).ToList();

    private JobStore Store()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return new JobStore(JobStore.PathIn(Output.Path));
    }

    private string[] Args(string verb, string target, params string[] more) =>
        [verb, target, "--engine", "openai", "--endpoint", new Uri(Server.BaseAddress, "v1").ToString(), "--model", "gpt-4o-mini", "--out", Output.Path, "--concurrency", "2", .. more];

    private static Dictionary<string, string> Environment => new() { ["OPENAI_API_KEY"] = Key };

    protected override void Dispose(bool disposing)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        base.Dispose(disposing);
    }
}

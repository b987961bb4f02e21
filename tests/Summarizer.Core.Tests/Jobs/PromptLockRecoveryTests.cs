using Summarizer.Core.Outputs;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Jobs;
using Summarizer.Core.Planning;
using Summarizer.Core.Prompts;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Jobs;

/// <summary>A deleted prompts.lock is rebuilt only from the texts jobs used; an edited published prompt stays refused.</summary>
public sealed class PromptLockRecoveryTests : LoopbackServerTest, IAsyncLifetime
{
    private readonly TempFolder _prompts = new TempFolder().CopyFrom(Path.Combine(RepositoryPaths.Root, "prompts"));

    [Fact]
    public async Task A_deleted_lock_is_recreated_for_prompt_files_that_match_what_jobs_used()
    {
        await Runner().RunAsync(new JobRequest([RepositoryPaths.Seed("002")]));
        var locked = new PromptLock(LockPath).All();
        File.Delete(LockPath);

        var again = await Runner().RunAsync(new JobRequest([RepositoryPaths.Seed("002")]));

        Assert.Equal(JobStatuses.Done, again.Status);
        var recreated = new PromptLock(LockPath).All();
        foreach (var stage in StageNames.All)
        {
            var version = Services().GetRequiredService<PromptLibrary>().ConfiguredVersion(stage);
            Assert.Equal(locked[stage][$"v{version}"], recreated[stage][$"v{version}"]);
        }
    }

    [Fact]
    public async Task With_the_lock_deleted_an_edited_published_prompt_is_refused_as_edited()
    {
        await Runner().RunAsync(new JobRequest([RepositoryPaths.Seed("002")]));
        File.Delete(LockPath);
        var merge = Services().GetRequiredService<PromptLibrary>().LoadConfigured("merge").Path;
        File.AppendAllText(merge, "# quietly edited\n");
        var calls = Server.Requests.Count;

        var error = await Assert.ThrowsAsync<PromptException>(() => Runner().RunAsync(new JobRequest([RepositoryPaths.Seed("002")])));

        Assert.StartsWith($"{merge} was edited after it was published", error.Message, StringComparison.Ordinal);
        Assert.Contains("summarizer prompts new merge", error.Message, StringComparison.Ordinal);
        Assert.Null(new PromptLock(LockPath).HashOf("merge", Services().GetRequiredService<PromptLibrary>().ConfiguredVersion("merge")));
        Assert.Equal(calls, Server.Requests.Count);
    }

    [Fact]
    public async Task A_job_recorded_before_requests_kept_prompt_hashes_still_guards_through_its_manifest()
    {
        var first = await Runner().RunAsync(new JobRequest([RepositoryPaths.Seed("002")]));
        var store = new Summarizer.Core.Store.JobStore(Summarizer.Core.Store.JobStore.PathIn(Output.Path));
        var job = store.GetJob(first.JobId)!;
        var old = StoredRequest.FromJson(job.Request) with { PromptHashes = null };
        store.DeleteJob(job.JobId);
        store.SaveJob(job with { Request = old.ToJson() });
        File.Delete(LockPath);
        File.AppendAllText(Services().GetRequiredService<PromptLibrary>().LoadConfigured("brief").Path, "# edited\n");

        var error = await Assert.ThrowsAsync<PromptException>(() => Runner().RunAsync(new JobRequest([RepositoryPaths.Seed("002")])));

        Assert.Contains("brief", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_of_an_older_shape_still_guards_and_a_damaged_one_guards_nothing()
    {
        var first = await Runner().RunAsync(new JobRequest([RepositoryPaths.Seed("002")]));
        var store = new Summarizer.Core.Store.JobStore(Summarizer.Core.Store.JobStore.PathIn(Output.Path));
        var job = store.GetJob(first.JobId)!;
        store.DeleteJob(job.JobId);
        store.SaveJob(job with { Request = (StoredRequest.FromJson(job.Request) with { PromptHashes = null }).ToJson() });
        var manifest = new JobFolder(first.JobDirectory).File(JobFolder.Manifest);

        // An early build's manifest: no stages' repairs, resilience, batch or briefing flag, and a prompt with no hash.
        var provenance = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!["provenance"]!.DeepClone();
        provenance["prompts"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["stage"] = "brief", ["version"] = "v99" });
        File.WriteAllText(manifest, new System.Text.Json.Nodes.JsonObject { ["job_id"] = first.JobId, ["status"] = "done", ["provenance"] = provenance }.ToJsonString());
        File.Delete(LockPath);
        var brief = Services().GetRequiredService<PromptLibrary>().LoadConfigured("brief").Path;
        File.AppendAllText(brief, "# edited\n");

        var refused = await Assert.ThrowsAsync<PromptException>(() => Runner().RunAsync(new JobRequest([RepositoryPaths.Seed("002")])));
        File.WriteAllText(manifest, "{\"provenance\": {\"prompts\": [");
        var again = await Runner().RunAsync(new JobRequest([RepositoryPaths.Seed("002")]));

        Assert.StartsWith($"{brief} was edited after it was published", refused.Message, StringComparison.Ordinal);
        Assert.Equal(JobStatuses.Done, again.Status);
    }

    protected override void Dispose(bool disposing)
    {
        _prompts.Dispose();
        base.Dispose(disposing);
    }

    private string LockPath => Path.Combine(_prompts.Path, "prompts.lock");

    private ServiceProvider Services() => LoopbackJob.OpenAIServices(Server, Output.Path, ("Summarizer:Prompts:Root", _prompts.Path));

    private JobRunner Runner() => Services().GetRequiredService<JobRunner>();
}

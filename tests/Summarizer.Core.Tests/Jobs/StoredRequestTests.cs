using Summarizer.Core.Engines;
using Summarizer.Core.Jobs;

namespace Summarizer.Core.Tests.Jobs;

public sealed class StoredRequestTests
{
    private static readonly StoredRequest Started = new(["articles"], new EngineOverrides { Model = "gpt-4o-mini" }, new Dictionary<string, int> { ["summarize"] = 2 }, 600, 4)
    {
        EngineKind = "openai",
        OnFilter = FilterPolicy.Mark,
    };

    [Fact]
    public void Settings_equal_to_the_started_ones_and_moved_endpoints_are_not_changes()
    {
        var now = new JobRequest([])
        {
            PromptVersions = new Dictionary<string, int> { ["summarize"] = 2 },
            ChunkTokens = 600,
            Concurrency = 1,
            NoCache = true,
            OnFilter = FilterPolicy.Mark,
            Engine = new EngineOverrides { Kind = "openai", Model = "gpt-4o-mini", Endpoint = "http://new/v1", Deployment = "d2" },
        };

        Assert.Empty(Started.Changes(now));
    }

    [Fact]
    public void Each_setting_that_changes_what_the_job_is_is_named()
    {
        var now = new JobRequest([])
        {
            PromptVersions = new Dictionary<string, int> { ["translate"] = 1 },
            ChunkTokens = 300,
            OnFilter = FilterPolicy.Split,
            Engine = new EngineOverrides { Kind = "azure", Model = "gpt-4o" },
        };

        Assert.Equal(["--prompt", "--chunk-tokens", "--engine", "--model", "--on-filter"], Started.Changes(now));
    }

    [Fact]
    public void A_stored_request_from_before_the_new_fields_reads_and_keeps_its_engine()
    {
        var old = StoredRequest.FromJson("""{"paths":["/abs/articles"],"engine":{"kind":null,"endpoint":null,"model":null,"deployment":null,"concurrency":null},"prompt_versions":{"brief":1},"chunk_tokens":600,"concurrency":4}""");

        Assert.Null(old.BaseDirectory);
        Assert.Empty(old.Changes(new JobRequest([]) { Engine = new EngineOverrides { Kind = "azure" } }));
        Assert.Equal(("openai", "the engine the job was started on"), (Started.ToRequest(new JobRequest([])).Engine.Kind, Started.ToRequest(new JobRequest([])).EngineReason));
        Assert.Null(Started.ToRequest(new JobRequest([]) { Engine = new EngineOverrides { Kind = "openai" } }).EngineReason);
    }
}

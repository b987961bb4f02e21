using Summarizer.Core.Outputs;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Jobs;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Resilience;

/// <summary>Two deployments (two loopback servers standing for two regions) share the traffic and cover for each other.</summary>
/// <remarks>The jobs run on a <see cref="TestClock"/>: a deployment's rest ends only when the test's clock says so.</remarks>
public sealed class DeploymentPoolTests : LoopbackServerTest, IAsyncLifetime
{
    /// <summary>The longest wait the clock moves to by itself: above a throttled deployment's rest, below every timeout.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);

    private readonly TestClock _clock = new();
    private LoopbackOpenAiServer _west = null!;

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _west = await LoopbackOpenAiServer.StartAsync();
    }

    public new async Task DisposeAsync()
    {
        await _west.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Traffic_spreads_over_both_deployments()
    {
        var result = await RunAsync();

        Assert.Equal(JobStatuses.Done, result.Status);
        Assert.True(Server.Requests.Count > 5 && _west.Requests.Count > 5, $"east {Server.Requests.Count}, west {_west.Requests.Count}");
        Assert.All(Server.Requests.Concat(_west.Requests), r => Assert.Equal("/openai/deployments/gpt4o/chat/completions", r.Path));
        Assert.All(Server.Requests, r => Assert.Equal("east-key", r.ApiKeyHeader));
        Assert.All(_west.Requests, r => Assert.Equal("west-key", r.ApiKeyHeader));
        Assert.Equal(Server.Requests.Count + _west.Requests.Count, result.Engine.Pool.Sum(d => d.Calls));
    }

    [Fact]
    public async Task A_throttled_deployment_rests_and_the_other_takes_its_calls_without_waiting()
    {
        var retryAfter = TimeSpan.FromSeconds(30);
        Server.Override = _ => FakeModelReply.Throttled(retryAfter);
        var start = _clock.GetUtcNow();

        var result = await RunAsync();

        Assert.Equal(JobStatuses.Done, result.Status);

        // The clock would move to the end of the retry-after if any call waited for it instead of failing over.
        var waited = _clock.GetUtcNow() - start;
        Assert.True(waited < retryAfter, $"the job waited {waited} of the clock: it waited for the retry-after instead of failing over");
        var east = result.Engine.Pool.Single(d => d.Name == "east");
        Assert.Equal(0, east.Calls);
        Assert.True(east.Throttled >= 1);
        Assert.True(Server.Requests.Count <= 4, $"east was called {Server.Requests.Count} times while resting");
    }

    [Fact]
    public async Task A_deployment_that_is_down_is_skipped()
    {
        await Server.DisposeAsync();
        Server = await LoopbackOpenAiServer.StartAsync();
        var deadPort = Server.BaseAddress.Port;
        await Server.DisposeAsync();

        var result = await RunAsync(east: $"http://127.0.0.1:{deadPort}/");

        Assert.Equal(JobStatuses.Done, result.Status);
        Assert.Equal(0, result.Engine.Pool.Single(d => d.Name == "east").Calls);
        Server = await LoopbackOpenAiServer.StartAsync();
    }

    private Task<JobResult> RunAsync(string? east = null)
    {
        var runner = CoreServices.Create(
            _clock,
            ("Summarizer:Engine:Kind", "azure"),
            ("Summarizer:Engine:Pool:0:Name", "east"),
            ("Summarizer:Engine:Pool:0:Endpoint", east ?? Server.BaseAddress.ToString()),
            ("Summarizer:Engine:Pool:0:Deployment", "gpt4o"),
            ("Summarizer:Engine:Pool:1:Name", "west"),
            ("Summarizer:Engine:Pool:1:Endpoint", _west.BaseAddress.ToString()),
            ("Summarizer:Engine:Pool:1:Deployment", "gpt4o"),
            ("Summarizer:Engine:Pool:1:ApiKeyVariable", "AZURE_OPENAI_API_KEY_WEST"),
            ("AZURE_OPENAI_API_KEY", "east-key"),
            ("AZURE_OPENAI_API_KEY_WEST", "west-key"),
            ("Summarizer:Resilience:BaseDelayMilliseconds", "5"),
            ("Summarizer:Prompts:Root", Path.Combine(RepositoryPaths.Root, "prompts")),
            ("Summarizer:Jobs:OutputRoot", Output.Path))
            .GetRequiredService<JobRunner>();
        return _clock.RunAsync(() => runner.RunAsync(new JobRequest([RepositoryPaths.Seeds])), LongestWait);
    }
}

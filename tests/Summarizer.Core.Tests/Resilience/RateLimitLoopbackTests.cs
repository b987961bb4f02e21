using Summarizer.Core.Outputs;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Jobs;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Resilience;

/// <summary>The rate-limit headers reach each deployment's quota through the SDK clients' transport, for both engines.</summary>
public sealed class RateLimitLoopbackTests : LoopbackServerTest, IAsyncLifetime
{
    private const long ServerTokensPerMinute = 5_000_000;

    [Fact]
    public async Task With_no_quota_configured_azure_s_remaining_counts_teach_the_client_the_deployments_quota()
    {
        Server.Quota = new ServerQuota(ServerTokensPerMinute, 10_000, QuotaWindows.SlidingMinute);

        var result = await LoopbackJob.AzureServices(Server, Output.Path).GetRequiredService<JobRunner>().RunAsync(new JobRequest([RepositoryPaths.Seed("003")]));

        Assert.Equal(JobStatuses.Done, result.Status);
        var quota = Assert.Single(result.Engine.Pool).Quota;
        Assert.InRange(quota.TokensPerMinute, ServerTokensPerMinute * 0.95, ServerTokensPerMinute * 1.01);
        Assert.InRange(quota.RequestsPerMinute, 9_900, 10_000);
    }

    [Fact]
    public async Task OpenAI_s_limit_headers_give_the_quota_and_what_the_service_counted_sets_the_charge_factor()
    {
        Server.Quota = new ServerQuota(ServerTokensPerMinute, 10_000, QuotaWindows.SlidingMinute);

        var result = await LoopbackJob.OpenAIServices(Server, Output.Path).GetRequiredService<JobRunner>().RunAsync(new JobRequest([RepositoryPaths.Seed("003")]));

        var quota = Assert.Single(result.Engine.Pool).Quota;
        Assert.Equal((ServerTokensPerMinute, 10_000), (quota.TokensPerMinute, quota.RequestsPerMinute));

        // The loopback server charges exactly what the client estimates, so the calibration must find no gap.
        Assert.InRange(quota.ChargeFactor, 0.97, 1.03);
    }

    [Fact]
    public async Task A_configured_quota_wins_over_the_headers()
    {
        Server.Quota = new ServerQuota(ServerTokensPerMinute, 10_000, QuotaWindows.TenSeconds);

        var result = await LoopbackJob.OpenAIServices(Server, Output.Path, ("Summarizer:Resilience:TokensPerMinute", "2000000"))
            .GetRequiredService<JobRunner>().RunAsync(new JobRequest([RepositoryPaths.Seed("003")]));

        Assert.Equal(2_000_000, Assert.Single(result.Engine.Pool).Quota.TokensPerMinute);
    }
}

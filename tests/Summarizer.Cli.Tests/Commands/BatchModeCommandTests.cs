using System.Text.Json;
using Summarizer.Testing;

namespace Summarizer.Cli.Tests.Commands;

/// <summary><c>--mode batch</c> through the real CLI process against the loopback Batch API: submit and exit, resume round by round, cancel, plan.</summary>
public sealed class BatchModeCommandTests : LoopbackServerTest, IAsyncLifetime
{
    private const string Key = "sk-batch-cli-5d7e9f1a3b";

    [Fact]
    public async Task Run_with_no_wait_submits_a_round_and_exits_0_and_resume_finishes_the_job_round_by_round()
    {
        var first = await CliProcess.RunAsync(RepositoryPaths.Root, Environment, [.. Args("run", RepositoryPaths.Seeds), "--mode", "batch", "--no-wait", "--json"]);

        Assert.True(first.ExitCode == ExitCodes.Success, first.Error);
        using var submitted = JsonDocument.Parse(first.Output);
        var jobId = submitted.RootElement.GetProperty("job_id").GetString()!;
        Assert.Equal(("waiting", 1), (submitted.RootElement.GetProperty("status").GetString(), submitted.RootElement.GetProperty("round").GetInt32()));

        // The round is still open: resume says so and submits nothing.
        var open = await CliProcess.RunAsync(RepositoryPaths.Root, Environment, [.. Args("resume", jobId), "--no-wait"]);
        Assert.True(open.ExitCode == ExitCodes.Success, open.Error);
        Assert.Contains($"job {jobId}: round 1 still open", open.Output, StringComparison.Ordinal);
        Assert.Equal(1, Server.Batch.BatchesCreated);

        var rounds = 1;
        CliResult last;
        do
        {
            Server.Batch.Advance(TimeSpan.FromHours(1));
            last = await CliProcess.RunAsync(RepositoryPaths.Root, Environment, [.. Args("resume", jobId), "--no-wait"]);
            Assert.True(last.ExitCode == ExitCodes.Success, last.Error);
            rounds += last.Output.Contains("submitted", StringComparison.Ordinal) ? 1 : 0;
        }
        while (last.Output.Contains("Run 'summarizer resume", StringComparison.Ordinal) && rounds < 8);

        Assert.Equal(4, rounds);
        Assert.Contains("briefing:", last.Output, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
        Assert.All(Server.Batch.Served.Values, served => Assert.Equal(1, served));
        Assert.DoesNotContain(Key, first.Output + first.Error + last.Output + last.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_cancel_cancels_the_open_round_and_resume_sends_its_lines_again()
    {
        var first = await CliProcess.RunAsync(RepositoryPaths.Root, Environment, [.. Args("run", RepositoryPaths.Seeds), "--mode", "batch", "--no-wait", "--json"]);
        using var submitted = JsonDocument.Parse(first.Output);
        var jobId = submitted.RootElement.GetProperty("job_id").GetString()!;

        var cancel = await CliProcess.RunAsync(RepositoryPaths.Root, Environment, "jobs", "cancel", jobId, "--out", Output.Path);

        Assert.True(cancel.ExitCode == ExitCodes.Success, cancel.Error);
        Assert.Contains($"job {jobId}: cancelling 1 batch(es)", cancel.Output, StringComparison.Ordinal);
        Server.Batch.Advance(TimeSpan.FromHours(1));
        var resumed = await CliProcess.RunAsync(RepositoryPaths.Root, Environment, [.. Args("resume", jobId), "--no-wait"]);
        Assert.True(resumed.ExitCode == ExitCodes.Success, resumed.Error);
        Assert.Contains("round 2 submitted", resumed.Output, StringComparison.Ordinal);
        Assert.Equal(2, Server.Batch.BatchesCreated);
    }

    [Fact]
    public async Task Plan_in_batch_mode_prices_calls_at_half_the_realtime_cost_and_shows_the_rounds()
    {
        var realtime = await CliRunner.RunAsync("plan", RepositoryPaths.Seeds, "--json", "--model", "gpt-4o-mini");
        var batch = await CliRunner.RunAsync("plan", RepositoryPaths.Seeds, "--json", "--model", "gpt-4o-mini", "--mode", "batch");

        using var a = JsonDocument.Parse(realtime.Output);
        using var b = JsonDocument.Parse(batch.Output);
        var (costA, costB) = (a.RootElement.GetProperty("totals").GetProperty("cost_usd").GetDecimal(), b.RootElement.GetProperty("totals").GetProperty("cost_usd").GetDecimal());
        Assert.True(costA > 0);
        Assert.Equal(0.5m, Math.Round(costB / costA, 3));
        Assert.Equal(("batch", 4), (b.RootElement.GetProperty("settings").GetProperty("mode").GetString(), b.RootElement.GetProperty("settings").GetProperty("batch_rounds").GetInt32()));
        Assert.False(a.RootElement.GetProperty("settings").TryGetProperty("mode", out _));
    }

    [Fact]
    public async Task Batch_mode_on_the_offline_reference_engine_is_refused_in_one_line()
    {
        var result = await CliRunner.RunAsync("run", RepositoryPaths.Seeds, "--engine", "reference", "--mode", "batch", "--out", Output.Path);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("batch mode needs the azure or openai engine", line, StringComparison.Ordinal);
    }

    private string[] Args(string verb, string target) =>
        [verb, target, "--engine", "openai", "--endpoint", new Uri(Server.BaseAddress, "v1").ToString(), "--model", "gpt-4o-mini", "--out", Output.Path];

    private static Dictionary<string, string> Environment => new() { ["OPENAI_API_KEY"] = Key };
}

using Summarizer.Core.Store;
using Summarizer.Testing;

namespace Summarizer.Cli.Tests.Commands;

/// <summary>
/// Telemetry through the CLI: <c>--telemetry console</c> prints the per-stage table, the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> makes the CLI process export over OTLP/HTTP, and a bad endpoint is refused.
/// </summary>
public sealed class TelemetryCommandTests : LoopbackServerTest, IAsyncLifetime
{
    private const string Key = "sk-cli-telemetry-7d31b9e0c4";

    [Fact]
    public async Task Telemetry_console_prints_each_stage_with_its_calls_tokens_and_times_as_the_store_counts_them()
    {
        Server.Override = r => r.Stage == "merge" && r.Attempt == 1 ? FakeModelReply.Throttled(TimeSpan.FromMilliseconds(10)) : null;

        var result = await CliRunner.RunWithSettingsAsync(Settings(), [.. Args(RepositoryPaths.Seeds), "--telemetry", "console"]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.TrimEntries);
        var header = lines.Single(l => l.StartsWith("stage ", StringComparison.Ordinal)).Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["stage", "paid", "reused", "repaired", "refused", "filtered", "failed", "429", "retried", "tokens in", "tokens out", "p50 s", "p95 s", "quota wait s"], header);
        var rows = lines.Where(l => l.Split(' ')[0] is "translate" or "summarize" or "merge" or "brief")
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(cells => cells[0]);
        Assert.Equal(["translate", "summarize", "merge", "brief"], rows.Keys);
        var store = new JobStore(JobStore.PathIn(Output.Path));
        var counts = store.CallCounts(Assert.Single(store.ListJobs()).JobId);
        foreach (var (stage, cells) in rows)
        {
            Assert.Equal(counts.GetValueOrDefault((stage, CallOutcomes.Paid)).ToString(System.Globalization.CultureInfo.InvariantCulture), cells[1]);
            Assert.True(long.Parse(cells[9], System.Globalization.CultureInfo.InvariantCulture) > 0, $"{stage} has no input tokens");
            Assert.True(double.Parse(cells[12], System.Globalization.CultureInfo.InvariantCulture) >= double.Parse(cells[11], System.Globalization.CultureInfo.InvariantCulture));
        }

        // Every merge was throttled once and retried; no other stage was.
        Assert.Equal(rows["merge"][1], rows["merge"][7]);
        Assert.Equal(rows["merge"][1], rows["merge"][8]);
        Assert.Equal("0", rows["translate"][7]);
    }

    [Fact]
    public async Task Telemetry_console_with_json_keeps_stdout_one_json_object_and_puts_the_table_on_stderr()
    {
        var result = await CliRunner.RunWithSettingsAsync(Settings(), [.. Args(RepositoryPaths.Seed("001")), "--telemetry", "console", "--json"]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("translate ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_standard_otlp_endpoint_variable_makes_the_cli_export_its_traces_under_its_service_name()
    {
        await using var receiver = await LoopbackOtlpReceiver.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["OPENAI_API_KEY"] = Key,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.BaseAddress.ToString(),
            ["Summarizer__Prompts__Root"] = Path.Combine(RepositoryPaths.Root, "prompts"),
        };

        var result = await CliProcess.RunAsync(RepositoryPaths.Root, environment, Args(RepositoryPaths.Seed("001")));

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        var traces = receiver.Requests.Where(r => r.Path == "/v1/traces").ToList();
        Assert.NotEmpty(traces);
        Assert.All(traces, r => Assert.Equal("application/x-protobuf", r.ContentType));
        Assert.All(traces, r => Assert.Equal(["summarizer"], LoopbackOtlpReceiver.ServiceNames(r.Body).Distinct()));
        var names = traces.SelectMany(r => LoopbackOtlpReceiver.SpanNames(r.Body)).ToList();
        Assert.Contains("summarizer.job", names);
        Assert.Contains("chat gpt-4o-mini", names);
        Assert.Contains(receiver.Requests, r => r.Path == "/v1/metrics" && LoopbackOtlpReceiver.ServiceNames(r.Body).Contains("summarizer"));
        Assert.DoesNotContain(receiver.Requests, r => System.Text.Encoding.UTF8.GetString(r.Body).Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_otlp_setting_that_is_not_an_http_url_fails_before_the_job_naming_the_key()
    {
        var result = await CliRunner.RunWithSettingsAsync([.. Settings(), new("Summarizer:Telemetry:Otlp", "localhost:4317")], Args(RepositoryPaths.Seed("001")));

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Summarizer:Telemetry:Otlp", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Telemetry_accepts_only_console()
    {
        var result = await CliRunner.RunWithSettingsAsync(Settings(), [.. Args(RepositoryPaths.Seed("001")), "--telemetry", "jaeger"]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("jaeger", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    private string[] Args(string input) =>
        ["run", input, "--engine", "openai", "--endpoint", new Uri(Server.BaseAddress, "v1").ToString(), "--model", "gpt-4o-mini", "--out", Output.Path];

    private static KeyValuePair<string, string?>[] Settings() =>
    [
        new("OPENAI_API_KEY", Key),
        new("Summarizer:Prompts:Root", Path.Combine(RepositoryPaths.Root, "prompts")),
    ];
}

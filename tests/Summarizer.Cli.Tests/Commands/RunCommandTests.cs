using System.Text.Json;
using Summarizer.Testing;

namespace Summarizer.Cli.Tests.Commands;

public sealed class RunCommandTests : LoopbackServerTest, IAsyncLifetime
{
    private const string Key = "sk-cli-loopback-51e0c77d2a";

    [Fact]
    public async Task Run_json_prints_one_object_with_the_job_and_exits_0()
    {
        var result = await RunAsync("run", RepositoryPaths.Seed("001"), "--engine", "openai", "--endpoint", Endpoint, "--model", "gpt-4o-mini", "--out", Output.Path, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(["job_id", "job_dir", "engine", "status", "articles", "usage", "qa"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("openai", root.GetProperty("engine").GetString());
        Assert.Equal("done", root.GetProperty("status").GetString());
        Assert.StartsWith(Output.Path, root.GetProperty("job_dir").GetString(), StringComparison.Ordinal);
        Assert.Equal(Server.Requests.Count, root.GetProperty("usage").GetProperty("calls").GetInt32());
        Assert.Contains("engine: openai (--engine option)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_throttled_job_says_what_it_waits_for_instead_of_going_silent()
    {
        Server.Override = r => r.Attempt <= 2 ? FakeModelReply.Throttled(TimeSpan.FromMilliseconds(300)) : null;

        var result = await RunAsync("run", RepositoryPaths.Seed("001"), "--engine", "openai", "--endpoint", Endpoint, "--model", "gpt-4o-mini", "--out", Output.Path);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains(result.ErrorLines, l => l.StartsWith($"waiting for {Server.BaseAddress.Authority}/gpt-4o-mini: 429, retry in 0.3 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_prompt_option_selects_a_version_and_a_missing_one_is_a_usage_error()
    {
        var result = await RunAsync("run", RepositoryPaths.Seed("001"), "--engine", "openai", "--endpoint", Endpoint, "--model", "m", "--out", Output.Path, "--prompt", "summarize=v7");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("prompt summarize v7 not found", result.Error, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    [Theory]
    [InlineData("--prompt", "summarise=v2")]
    [InlineData("--prompt", "summarize")]
    [InlineData("--engine", "bedrock")]
    [InlineData("--concurrency", "0")]
    public async Task Bad_run_options_are_usage_errors(string option, string value)
    {
        var result = await RunAsync("run", RepositoryPaths.Seed("001"), option, value);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
    }

    [Fact]
    public async Task An_engine_missing_a_setting_is_a_usage_error_naming_it()
    {
        var result = await RunAsync("run", RepositoryPaths.Seed("001"), "--engine", "azure", "--endpoint", "https://x.openai.azure.com", "--out", Output.Path);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--deployment", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_and_failed_articles_exit_2_and_are_named_on_stderr()
    {
        using var input = new TempFolder();
        File.Copy(RepositoryPaths.Seed("001"), Path.Combine(input.Path, "good.txt"));
        var empty = input.WriteBytes("empty.txt", []);

        var result = await RunAsync("run", input.Path, "--engine", "openai", "--endpoint", Endpoint, "--model", "m", "--out", Output.Path, "--json");

        Assert.Equal(ExitCodes.PartialFailure, result.ExitCode);
        Assert.Contains($"{empty}: rejected: empty file (0 bytes)", result.ErrorLines);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("partial", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_key_never_appears_in_what_the_cli_prints()
    {
        var result = await RunAsync("run", RepositoryPaths.Seed("001"), "--engine", "openai", "--endpoint", Endpoint, "--model", "m", "--out", Output.Path);

        Assert.DoesNotContain(Key, result.Output + result.Error, StringComparison.Ordinal);
        Assert.Equal($"Bearer {Key}", Server.Requests[0].Authorization);
    }

    private string Endpoint => new Uri(Server.BaseAddress, "v1").ToString();

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunWithSettingsAsync(
        [
            new("OPENAI_API_KEY", Key),
            new("Summarizer:Prompts:Root", Path.Combine(RepositoryPaths.Root, "prompts")),
        ],
        args);
}

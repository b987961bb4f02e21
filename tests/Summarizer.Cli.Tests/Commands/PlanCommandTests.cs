using System.Text.Json;
using Summarizer.Testing;

namespace Summarizer.Cli.Tests.Commands;

public sealed class PlanCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Json_output_is_exactly_one_object_with_the_documented_fields()
    {
        var result = await CliRunner.RunAsync("plan", RepositoryPaths.Seeds, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var article = json.RootElement.GetProperty("articles")[0];
        foreach (var field in new[] { "path", "id", "status", "reason", "title", "sentences", "chunks", "removed_lines", "estimated_tokens" })
        {
            Assert.True(article.TryGetProperty(field, out _), $"article.{field} missing");
        }

        Assert.True(article.GetProperty("estimated_tokens").GetProperty("input").GetInt64() > 0);
        var totals = json.RootElement.GetProperty("totals");
        foreach (var field in new[] { "articles", "rejected", "sentences", "chunks", "calls", "input_tokens", "output_tokens", "cost_usd" })
        {
            Assert.True(totals.TryGetProperty(field, out _), $"totals.{field} missing");
        }

        Assert.Equal(5, totals.GetProperty("articles").GetInt32());
        Assert.Equal(0, totals.GetProperty("rejected").GetInt32());
        Assert.True(totals.GetProperty("cost_usd").GetDecimal() > 0, "appsettings.json prices the default model");
    }

    [Fact]
    public async Task Json_sums_match_the_articles()
    {
        var result = await CliRunner.RunAsync("plan", RepositoryPaths.Seeds, "--json", "--chunk-tokens", "200");

        using var json = JsonDocument.Parse(result.Output);
        var articles = json.RootElement.GetProperty("articles").EnumerateArray().ToList();
        var totals = json.RootElement.GetProperty("totals");
        Assert.Equal(articles.Sum(a => a.GetProperty("sentences").GetInt32()), totals.GetProperty("sentences").GetInt32());
        Assert.Equal(articles.Sum(a => a.GetProperty("chunks").GetInt32()), totals.GetProperty("chunks").GetInt32());
        Assert.Equal(200, json.RootElement.GetProperty("settings").GetProperty("chunk_tokens").GetInt32());
    }

    [Fact]
    public async Task Rejected_files_exit_2_with_one_line_each_naming_the_file_and_reason()
    {
        _folder.Write("good.txt", ArabicSamples.ShortArticle);
        var empty = _folder.WriteBytes("empty.txt", []);
        var english = _folder.Write("english.txt", "Only English words in this file.");

        var result = await CliRunner.RunAsync("plan", _folder.Path, "--json");

        Assert.Equal(ExitCodes.PartialFailure, result.ExitCode);
        Assert.Collection(
            result.ErrorLines.Order(StringComparer.Ordinal),
            line => Assert.Equal($"{empty}: rejected: empty file (0 bytes)", line),
            line => Assert.StartsWith($"{english}: rejected: not Arabic (Arabic letters are 0% of ", line, StringComparison.Ordinal));
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(2, json.RootElement.GetProperty("totals").GetProperty("rejected").GetInt32());
        var good = json.RootElement.GetProperty("articles").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "good");
        Assert.Equal("ok", good.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_default_output_is_a_readable_table()
    {
        var result = await CliRunner.RunAsync("plan", RepositoryPaths.Seeds);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("001-445c0dc7392b69e9", result.Output, StringComparison.Ordinal);
        Assert.Contains("translate", result.Output, StringComparison.Ordinal);
        Assert.Contains("5 articles (0 rejected)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_path_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("plan", Path.Combine(_folder.Path, "nowhere"));

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith("error: not found: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("plan", "x", "--chunk-tokens", "3")]
    [InlineData("plan", "x", "--chunk-tokens", "many")]
    [InlineData("no-such-verb")]
    public async Task Bad_arguments_are_a_usage_error(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }

    [Theory]
    [InlineData("--removed")]
    [InlineData("--verbose")]
    public async Task Removed_lists_every_junk_line_with_the_rule_that_removed_it(string option)
    {
        var result = await CliRunner.RunAsync("plan", RepositoryPaths.Seed("004"), option);
        var plain = await CliRunner.RunAsync("plan", RepositoryPaths.Seed("004"));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("removed from ", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"  line \d+ \[comment-form\]: اترك تعليقاً", result.Output);
        Assert.DoesNotContain("removed from ", plain.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_configuration_is_a_usage_error_with_one_line()
    {
        var result = await CliRunner.RunWithSettingsAsync([new("Summarizer:Chunking:MaxSourceTokens", "0")], "plan", RepositoryPaths.Seeds);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith("error: configuration (ChunkingOptions):", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("MaxSourceTokens", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_sets_the_chunk_budget_when_the_option_is_absent()
    {
        var result = await CliRunner.RunWithSettingsAsync([new("Summarizer:Chunking:MaxSourceTokens", "123")], "plan", RepositoryPaths.Seeds, "--json");

        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(123, json.RootElement.GetProperty("settings").GetProperty("chunk_tokens").GetInt32());
    }
}

using System.Text.Json;
using Summarizer.Testing;

namespace Summarizer.Cli.Tests.Commands;

public sealed class StoreCommandsTests : LoopbackServerTest, IAsyncLifetime
{
    [Fact]
    public async Task Jobs_list_json_prints_the_jobs_with_their_parents()
    {
        var first = await RunJsonAsync("run", RepositoryPaths.Seed("002"));
        var second = await RunJsonAsync("rerun", first);

        var result = await CliRunner.RunWithSettingsAsync(Settings, "jobs", "list", "--out", Output.Path, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var jobs = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["job_id", "status", "created", "articles", "engine", "parent"], jobs[0].EnumerateObject().Select(p => p.Name));
        Assert.All(jobs, j => Assert.Equal((1, "openai gpt-4o-mini"), (j.GetProperty("articles").GetInt32(), j.GetProperty("engine").GetString())));
        Assert.Equal(second, jobs.Single(j => j.GetProperty("parent").GetString() == first).GetProperty("job_id").GetString());
        Assert.All(jobs, j => Assert.Equal("done", j.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Jobs_show_reports_paid_and_reused_calls()
    {
        var first = await RunJsonAsync("run", RepositoryPaths.Seed("002"));
        var second = await RunJsonAsync("rerun", first);

        var result = await CliRunner.RunWithSettingsAsync(Settings, "jobs", "show", second, "--out", Output.Path, "--json");

        using var json = JsonDocument.Parse(result.Output);
        var calls = json.RootElement.GetProperty("calls").EnumerateArray().ToList();
        Assert.All(calls, c => Assert.Equal("reused", c.GetProperty("outcome").GetString()));
        Assert.Equal(first, json.RootElement.GetProperty("parent").GetString());
    }

    [Fact]
    public async Task Cache_stats_counts_stored_answers_per_stage_and_prune_keeps_recent_ones()
    {
        await RunJsonAsync("run", RepositoryPaths.Seed("002"));

        var stats = await CliRunner.RunWithSettingsAsync(Settings, "cache", "stats", "--out", Output.Path);
        var prune = await CliRunner.RunWithSettingsAsync(Settings, "cache", "prune", "--out", Output.Path);

        Assert.Contains("translate", stats.Output, StringComparison.Ordinal);
        Assert.Matches(@"brief\s+1 answers", stats.Output);
        Assert.Contains("removed 0 cached answers", prune.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_writes_both_files_into_the_later_job()
    {
        var first = await RunJsonAsync("run", RepositoryPaths.Seed("002"));
        var second = await RunJsonAsync("rerun", first);

        var result = await CliRunner.RunWithSettingsAsync(Settings, "diff", first, second, "--out", Output.Path);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("002-3b258de76a274b28: 0 translations changed, chrF2 100.0; claims +0 -0 ~0", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Output.Path, second, "diff.md")));
        Assert.True(File.Exists(Path.Combine(Output.Path, second, "diff.html")));
    }

    [Fact]
    public async Task Eval_scores_100_against_its_own_translations_and_less_against_changed_ones()
    {
        var job = await RunJsonAsync("run", RepositoryPaths.Seed("002"));
        using var references = new TempFolder();
        using var translation = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output.Path, job, "articles", "002-3b258de76a274b28", "translation.json")));
        var english = translation.RootElement.GetProperty("sentences").EnumerateArray().Select(s => s.GetProperty("en").GetString()!).ToList();
        references.Write("002-3b258de76a274b28.txt", string.Join('\n', english));

        var same = await CliRunner.RunWithSettingsAsync(Settings, "eval", job, "--references", references.Path, "--out", Output.Path);
        english[0] = "Something else entirely was said here.";
        references.Write("002-3b258de76a274b28.txt", string.Join('\n', english));
        var changed = await CliRunner.RunWithSettingsAsync(Settings, "eval", job, "--references", references.Path, "--out", Output.Path);

        Assert.Equal(ExitCodes.Success, same.ExitCode);
        Assert.Contains("chrF2 100.00  chrF2++ 100.00  BLEU 100.00", same.Output, StringComparison.Ordinal);
        Assert.Contains("citation validity 100.0%", same.Output, StringComparison.Ordinal);
        Assert.Contains($"written: {Path.Combine(Output.Path, job, "eval.json")}", same.Output, StringComparison.Ordinal);
        Assert.Contains("chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0\n", same.Output, StringComparison.Ordinal);
        Assert.Contains("chrF2++|nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0\n", same.Output, StringComparison.Ordinal);
        Assert.Contains("BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0", same.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("BLEU 100.00", changed.Output, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output.Path, job, "eval.json")));
        Assert.InRange(report.RootElement.GetProperty("chr_f").GetDouble(), 50, 99.99);
        Assert.Equal("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0", report.RootElement.GetProperty("signatures").GetProperty("bleu").GetString());
    }

    [Fact]
    public async Task Eval_reports_a_reference_file_with_the_wrong_number_of_lines()
    {
        var job = await RunJsonAsync("run", RepositoryPaths.Seed("002"));
        using var references = new TempFolder();
        references.Write("002-3b258de76a274b28.txt", "only one line");

        var result = await CliRunner.RunWithSettingsAsync(Settings, "eval", job, "--references", references.Path, "--out", Output.Path);

        Assert.Equal(ExitCodes.PartialFailure, result.ExitCode);
        Assert.Contains("002-3b258de76a274b28.txt has 1 lines for 11 sentences", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_jobs_are_usage_errors()
    {
        Assert.Equal(ExitCodes.UsageError, (await CliRunner.RunWithSettingsAsync(Settings, "resume", "nope", "--out", Output.Path)).ExitCode);
        Assert.Equal(ExitCodes.UsageError, (await CliRunner.RunWithSettingsAsync(Settings, "jobs", "show", "nope", "--out", Output.Path)).ExitCode);
        Assert.Equal(ExitCodes.UsageError, (await CliRunner.RunWithSettingsAsync(Settings, "diff", "a", "b", "--out", Output.Path)).ExitCode);
    }

    [Fact]
    public async Task Prompts_list_and_check_describe_the_published_versions_both_formats_locked()
    {
        var list = await CliRunner.RunWithSettingsAsync(Settings, "prompts", "list");
        var check = await CliRunner.RunWithSettingsAsync(Settings, "prompts", "check");

        Assert.Contains("summarize  v1 (locked), v2* (locked)", list.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, check.ExitCode);
        Assert.Equal(8, check.Output.Split('\n').Count(l => l.StartsWith("ok ", StringComparison.Ordinal) && l.EndsWith(" locked", StringComparison.Ordinal)));
    }

    private KeyValuePair<string, string?>[] Settings =>
    [
        new("OPENAI_API_KEY", "sk-store-tests"),
        new("Summarizer:Prompts:Root", Path.Combine(RepositoryPaths.Root, "prompts")),
        new("Summarizer:Engine:Kind", "openai"),
        new("Summarizer:Engine:Endpoint", new Uri(Server.BaseAddress, "v1").ToString()),
        new("Summarizer:Engine:Model", "gpt-4o-mini"),
    ];

    private async Task<string> RunJsonAsync(string verb, string target)
    {
        var result = await CliRunner.RunWithSettingsAsync(Settings, verb, target, "--out", Output.Path, "--json");
        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("job_id").GetString()!;
    }
}

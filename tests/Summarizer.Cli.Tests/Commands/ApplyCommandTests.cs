using System.Text.Json;
using Microsoft.Data.Sqlite;
using Summarizer.Core.Store;
using Summarizer.Testing;

namespace Summarizer.Cli.Tests.Commands;

/// <summary><c>summarizer apply</c> through the real process: a new job with the reviewers' English, and each refusal one line, exit 1, no job made.</summary>
public sealed class ApplyCommandTests : LoopbackServerTest, IAsyncLifetime
{
    [Fact]
    public async Task Apply_makes_a_new_job_linked_to_the_reviewed_one_with_the_edit_marked_human()
    {
        var job = await RunJobAsync();
        Reviews().Record([new ReviewEdit(job, Article(job), "s1", ReviewFields.English, null, "A reviewer's <b>first</b> sentence.", ReviewStates.Approved, null, DateTimeOffset.UtcNow, "rana")]);

        var result = await CliProcess.RunAsync(Output.Path, Environment(), "apply", job, "--out", Output.Path, "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var applied = json.RootElement.GetProperty("job_id").GetString()!;
        Assert.NotEqual(job, applied);
        var stored = Store().GetJob(applied)!;
        Assert.Equal(job, stored.Parent);
        Assert.Equal(job, JsonDocument.Parse(stored.Request).RootElement.GetProperty("applied_from").GetString());
        var sentence = JsonDocument.Parse(File.ReadAllText(Path.Combine(stored.Directory, "articles", Article(job), "translation.json"))).RootElement
            .GetProperty("sentences")[0];
        Assert.Equal(("A reviewer's <b>first</b> sentence.", "human"), (sentence.GetProperty("en").GetString(), sentence.GetProperty("origin").GetString()));
        var page = File.ReadAllText(Path.Combine(stored.Directory, "articles", Article(job), "side-by-side.html"));
        Assert.Contains("&lt;b&gt;first&lt;/b&gt; sentence.<span class=\"origin\" style=\"margin-left: 6px; padding: 0 5px; border: 1px solid #9bb5e0; border-radius: 3px; color: #174ea6; font-size: 11px\" data-origin=\"human\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>first</b>", page, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(stored.Directory, "diff.md")));
    }

    [Fact]
    public async Task Unknown_job_a_job_with_no_reviews_and_a_missing_folder_are_one_line_usage_errors()
    {
        var job = await RunJobAsync();

        var unknown = await CliProcess.RunAsync(Output.Path, Environment(), "apply", "no-such-job", "--out", Output.Path);
        var nothing = await CliProcess.RunAsync(Output.Path, Environment(), "apply", job, "--out", Output.Path);
        Reviews().Record([new ReviewEdit(job, Article(job), "s1", ReviewFields.English, null, "Edited.", ReviewStates.Reviewed, null, DateTimeOffset.UtcNow, "rana")]);
        var directory = Store().GetJob(job)!.Directory;
        Directory.Move(directory, directory + ".moved");
        var missing = await CliProcess.RunAsync(Output.Path, Environment(), "apply", job, "--out", Output.Path);

        AssertRefused(unknown, $"error: no job no-such-job in {JobStore.PathIn(Output.Path)}");
        AssertRefused(nothing, $"error: nothing to apply: no reviews recorded for job {job}");
        AssertRefused(missing, $"error: job folder {directory} is missing");
        Assert.Single(Store().ListJobs());
    }

    private static void AssertRefused(CliResult result, string start)
    {
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.StartsWith(start, result.ErrorLines[0], StringComparison.Ordinal);
    }

    private string Article(string job) => Store().Articles(job).Single().Id;

    private JobStore Store()
    {
        SqliteConnection.ClearAllPools();
        return new JobStore(JobStore.PathIn(Output.Path));
    }

    private ReviewStore Reviews()
    {
        SqliteConnection.ClearAllPools();
        return new ReviewStore(JobStore.PathIn(Output.Path));
    }

    private KeyValuePair<string, string?>[] Settings =>
    [
        new("OPENAI_API_KEY", "sk-apply-tests"),
        new("Summarizer:Prompts:Root", Path.Combine(RepositoryPaths.Root, "prompts")),
        new("Summarizer:Engine:Kind", "openai"),
        new("Summarizer:Engine:Endpoint", new Uri(Server.BaseAddress, "v1").ToString()),
        new("Summarizer:Engine:Model", "gpt-4o-mini"),
    ];

    private Dictionary<string, string> Environment() => Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);

    private async Task<string> RunJobAsync()
    {
        var result = await CliRunner.RunWithSettingsAsync(Settings, "run", RepositoryPaths.Seed("002"), "--out", Output.Path, "--json");
        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("job_id").GetString()!;
    }

    protected override void Dispose(bool disposing)
    {
        SqliteConnection.ClearAllPools();
        base.Dispose(disposing);
    }
}

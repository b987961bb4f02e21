using System.Text.Json;
using Summarizer.Core.Store;
using Summarizer.Testing;

namespace Summarizer.Cli.Tests.Commands;

/// <summary>
/// Through the real CLI process: resume continues a job exactly as it was started, a moved or deleted folder is one
/// clear line, and the store says how every job ended.
/// </summary>
public sealed class JobsKeepTheirWordTests : LoopbackServerTest, IAsyncLifetime
{
    private const string Key = "sk-jobs-word-7d1e3b9a";
    private readonly TempFolder _work = new();

    [Fact]
    public async Task Resume_refuses_prompt_and_chunk_settings_and_names_rerun()
    {
        var job = await RunJsonAsync(RepositoryPaths.Root, RepositoryPaths.Seed("002"), Output.Path);
        MarkRunning(Output.Path, job);
        var calls = Server.Requests.Count;

        var result = await Cli(RepositoryPaths.Root, "resume", job, "--out", Output.Path, "--prompt", "summarize=v1", "--chunk-tokens", "300");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"error: resume cannot change --prompt, --chunk-tokens (job {job}): a resumed job keeps the settings it was started with. Use 'summarizer rerun {job}", line, StringComparison.Ordinal);
        Assert.Equal(calls, Server.Requests.Count);
    }

    [Fact]
    public async Task Resume_of_a_done_job_says_already_done_and_exits_0_without_calling_anything()
    {
        var job = await RunJsonAsync(RepositoryPaths.Root, RepositoryPaths.Seed("002"), Output.Path);
        var calls = Server.Requests.Count;

        var result = await Cli(RepositoryPaths.Root, "resume", job, "--out", Output.Path);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith($"job {job} is already done; nothing to resume", result.Output, StringComparison.Ordinal);
        Assert.Equal(calls, Server.Requests.Count);
        Assert.Equal("done", JobStatusOf(Output.Path, job));
    }

    [Fact]
    public async Task Relative_input_paths_stay_relative_when_the_job_is_resumed_from_another_folder()
    {
        var input = CopySeeds("002");
        var output = Path.Combine(_work.Path, "out");
        var job = await RunJsonAsync(_work.Path, input, "out");
        MarkRunning(output, job);

        var result = await Cli(RepositoryPaths.Root, "resume", job, "--out", output);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        var expected = Path.Join("articles", Path.GetFileName(RepositoryPaths.Seed("002")));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, job, "manifest.json")));
        Assert.Equal(expected, manifest.RootElement.GetProperty("articles")[0].GetProperty("path").GetString());
        Assert.Equal(expected, Assert.Single(new JobStore(JobStore.PathIn(output)).Articles(job)).Path);
        var article = Directory.GetDirectories(Path.Combine(output, job, "articles")).Single();
        using var translation = JsonDocument.Parse(File.ReadAllText(Path.Combine(article, "translation.json")));
        Assert.Equal(expected, translation.RootElement.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Resume_reports_changed_and_missing_inputs_and_keeps_their_finished_outputs_in_the_briefing()
    {
        var input = CopySeeds("002", "004");
        var output = Path.Combine(_work.Path, "out");
        var job = await RunJsonAsync(_work.Path, input, output);
        MarkRunning(output, job);
        var changed = Directory.GetFiles(Path.Combine(_work.Path, input)).Order(StringComparer.Ordinal).First();
        var missing = Directory.GetFiles(Path.Combine(_work.Path, input)).Order(StringComparer.Ordinal).Last();
        File.AppendAllText(changed, "\nسطر جديد أضيف لاحقا إلى الخبر.\n");
        File.Delete(missing);

        var result = await Cli(_work.Path, "resume", job, "--out", output);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        Assert.Contains($"{Path.GetRelativePath(_work.Path, changed)}: done: input changed since the job started; its finished outputs were kept", result.ErrorLines);
        Assert.Contains($"{Path.GetRelativePath(_work.Path, missing)}: done: input missing; its finished outputs were kept", result.ErrorLines);
        var manifest = File.ReadAllText(Path.Combine(output, job, "manifest.json"));
        Assert.Contains("input changed since the job started", manifest, StringComparison.Ordinal);
        Assert.Contains("input missing", manifest, StringComparison.Ordinal);
        var briefing = File.ReadAllText(Path.Combine(output, job, "briefing.md"));
        foreach (var id in Directory.GetDirectories(Path.Combine(output, job, "articles")).Select(Path.GetFileName))
        {
            Assert.Contains($"articles/{id}/side-by-side.html#s", briefing, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Resume_with_out_after_the_output_folder_moved_writes_into_the_moved_folder()
    {
        var before = Path.Combine(_work.Path, "before");
        var after = Path.Combine(_work.Path, "after");
        var job = await RunJsonAsync(RepositoryPaths.Root, RepositoryPaths.Seed("002"), before);
        Directory.Move(before, after);
        MarkRunning(after, job);

        var result = await Cli(RepositoryPaths.Root, "resume", job, "--out", after);
        var qa = await Cli(RepositoryPaths.Root, "qa", job, "--out", after);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        Assert.Contains($"job {job} → {Path.Combine(after, job)} (resumed)", result.Error, StringComparison.Ordinal);
        Assert.Contains("engine: openai (the engine the job was started on)", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(before));
        Assert.Equal("done", JobStatusOf(after, job));
        Assert.True(qa.ExitCode is ExitCodes.Success or ExitCodes.PartialFailure, qa.Error);
    }

    [Fact]
    public async Task A_deleted_job_folder_is_one_line_for_qa_diff_and_eval_and_jobs_prune_forgets_it()
    {
        var first = await RunJsonAsync(RepositoryPaths.Root, RepositoryPaths.Seed("002"), Output.Path);
        var second = await RunJsonAsync(RepositoryPaths.Root, RepositoryPaths.Seed("002"), Output.Path, "rerun", first);
        var folder = Path.Combine(Output.Path, first);
        Directory.Delete(folder, recursive: true);
        var expected = $"error: job folder {folder} is missing (the job {first} is still in the store; use 'summarizer rerun {first}' to rebuild it";

        foreach (var args in new[] { new[] { "qa", first }, ["diff", first, second], ["eval", first, "--references", second], ["eval", second, "--references", first] })
        {
            var result = await Cli(RepositoryPaths.Root, [.. args, "--out", Output.Path]);
            Assert.True(result.ExitCode == ExitCodes.UsageError, string.Join(' ', args) + ": " + result.Error);
            Assert.StartsWith(expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        }

        var listed = await Cli(RepositoryPaths.Root, "jobs", "list", "--out", Output.Path);
        var pruned = await Cli(RepositoryPaths.Root, "jobs", "prune", "--out", Output.Path);
        var after = await Cli(RepositoryPaths.Root, "jobs", "list", "--out", Output.Path);

        Assert.Contains(listed.Output.Split('\n'), l => l.StartsWith(first, StringComparison.Ordinal) && l.Contains("done (folder missing)", StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Success, pruned.ExitCode);
        Assert.Contains($"removed {first} (folder {folder} is gone)", pruned.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(after.Output.Split('\n'), l => l.StartsWith(first, StringComparison.Ordinal));
        Assert.Contains(after.Output.Split('\n'), l => l.StartsWith(second, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Jobs_list_is_a_table_with_headers_and_jobs_show_is_readable_unless_json_is_asked_for()
    {
        var first = await RunJsonAsync(RepositoryPaths.Root, RepositoryPaths.Seed("002"), Output.Path);
        var second = await RunJsonAsync(RepositoryPaths.Root, RepositoryPaths.Seed("002"), Output.Path, "rerun", first);

        var list = await Cli(RepositoryPaths.Root, "jobs", "list", "--out", Output.Path);
        var show = await Cli(RepositoryPaths.Root, "jobs", "show", second, "--out", Output.Path);
        var json = await Cli(RepositoryPaths.Root, "jobs", "show", second, "--out", Output.Path, "--json");

        var lines = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^job\s+status\s+created\s+articles\s+engine\s+parent$", lines[0]);
        Assert.Matches($@"^{second}\s+done\s+\d{{4}}-\d\d-\d\d \d\d:\d\d\s+1\s+openai gpt-4o-mini\s+{first}$", lines[1]);
        Assert.Matches($@"^{first}\s+done\s+.*\s+1\s+openai gpt-4o-mini\s+-$", lines[2]);
        Assert.Contains($"parent    {first}", show.Output, StringComparison.Ordinal);
        Assert.Contains("articles  1: 1 done", show.Output, StringComparison.Ordinal);
        Assert.Matches(@"calls     .*translate 0 paid, \d+ reused", show.Output);
        Assert.DoesNotContain("{", show.Output, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(json.Output);
        Assert.Equal(first, parsed.RootElement.GetProperty("parent").GetString());
    }

    [Fact]
    public async Task A_deleted_prompt_lock_is_rebuilt_for_unchanged_prompts_and_an_edited_one_is_refused()
    {
        var prompts = Path.Combine(_work.Path, "prompts");
        CopyTree(Path.Combine(RepositoryPaths.Root, "prompts"), prompts);
        var environment = new Dictionary<string, string>(Environment) { ["Summarizer__Prompts__Root"] = prompts };
        var lockFile = Path.Combine(prompts, "prompts.lock");
        await RunJsonAsync(RepositoryPaths.Root, RepositoryPaths.Seed("002"), Output.Path, environment: environment);
        var locked = File.ReadAllText(lockFile);
        File.Delete(lockFile);

        var rebuilt = await Cli(RepositoryPaths.Root, environment, RunArgs("run", RepositoryPaths.Seed("002"), Output.Path));
        File.Delete(lockFile);
        var merge = Path.Combine(prompts, "merge", "v2.yaml");
        File.AppendAllText(merge, "# edited after use\n");
        var refused = await Cli(RepositoryPaths.Root, environment, RunArgs("run", RepositoryPaths.Seed("002"), Output.Path));

        Assert.True(rebuilt.ExitCode == ExitCodes.Success, rebuilt.Error);
        Assert.Contains("\"v2\"", File.ReadAllText(lockFile), StringComparison.Ordinal);
        Assert.All(File.ReadAllLines(lockFile).Where(l => l.Contains("\"v2\"", StringComparison.Ordinal)), l => Assert.Contains(l, locked, StringComparison.Ordinal));
        Assert.Equal(ExitCodes.UsageError, refused.ExitCode);
        Assert.StartsWith($"error: {merge} was edited after it was published", Assert.Single(refused.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_that_stops_on_an_error_is_marked_failed_with_the_reason_never_left_running()
    {
        var job = await RunJsonAsync(RepositoryPaths.Root, RepositoryPaths.Seed("002"), Output.Path);
        MarkRunning(Output.Path, job);

        // A file where the article's folder belongs makes writing its outputs fail mid-job.
        var article = Directory.GetDirectories(Path.Combine(Output.Path, job, "articles")).Single();
        Directory.Delete(article, recursive: true);
        File.WriteAllText(article, "not a folder");

        var result = await Cli(RepositoryPaths.Root, "resume", job, "--out", Output.Path);

        Assert.NotEqual(ExitCodes.Success, result.ExitCode);
        var stored = new JobStore(JobStore.PathIn(Output.Path)).GetJob(job)!;
        Assert.Equal("failed", stored.Status);
        Assert.False(string.IsNullOrWhiteSpace(stored.Reason));
    }

    protected override void Dispose(bool disposing)
    {
        _work.Dispose();
        base.Dispose(disposing);
    }

    private static Dictionary<string, string> Environment => new() { ["OPENAI_API_KEY"] = Key };

    private string Endpoint => new Uri(Server.BaseAddress, "v1").ToString();

    private string[] RunArgs(string verb, string target, string output) =>
        [verb, target, "--engine", "openai", "--endpoint", Endpoint, "--model", "gpt-4o-mini", "--out", output, "--json"];

    private static Task<CliResult> Cli(string workingDirectory, params string[] args) => CliProcess.RunAsync(workingDirectory, Environment, args);

    private static Task<CliResult> Cli(string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] args) => CliProcess.RunAsync(workingDirectory, environment, args);

    private async Task<string> RunJsonAsync(string workingDirectory, string input, string output, string verb = "run", string? parent = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var args = verb == "run" ? RunArgs("run", input, output) : ["rerun", parent!, "--out", output, "--json"];
        var result = await CliProcess.RunAsync(workingDirectory, environment ?? Environment, args);
        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("job_id").GetString()!;
    }

    /// <summary>Copies seed articles into <c>articles/</c> of the work folder and returns that folder's relative name.</summary>
    private string CopySeeds(params string[] seeds)
    {
        foreach (var seed in seeds)
        {
            _work.WriteBytes(Path.Combine("articles", Path.GetFileName(RepositoryPaths.Seed(seed))), File.ReadAllBytes(RepositoryPaths.Seed(seed)));
        }

        return "articles";
    }

    private static void MarkRunning(string output, string jobId)
    {
        var store = new JobStore(JobStore.PathIn(output));
        store.SaveJob(store.GetJob(jobId)! with { Status = "running", Finished = null });
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static string JobStatusOf(string output, string jobId) => new JobStore(JobStore.PathIn(output)).GetJob(jobId)!.Status;

    private static void CopyTree(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }
}

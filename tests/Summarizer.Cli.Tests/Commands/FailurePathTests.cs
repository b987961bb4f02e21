using System.Diagnostics;
using System.Text.Json;
using Summarizer.Testing;

namespace Summarizer.Cli.Tests.Commands;

/// <summary>
/// Every failure a user can cause or meet, through the real CLI process: one line on stderr starting with
/// <c>error:</c>, the documented exit code, never a stack trace (no <c>   at </c> frame, never exit 134), and with
/// <c>--json</c> one JSON object on stdout carrying <c>error</c>.
/// </summary>
public sealed class FailurePathTests : IDisposable
{
    private const string Key = "sk-failure-path-key-5d1c9e";
    private readonly TempFolder _folder = new();
    private readonly TempFolder _prompts = new();

    public static TheoryData<string> Cases => new(
        "damaged job store", "out is a file", "read-only output", "unparsable setting", "invalid setting", "invalid mode", "batch discount out of range", "garbled prompt lock",
        "template that does not render", "azure without a key", "endpoint with a password", "unknown option", "unknown command",
        "value out of range", "value not allowed", "missing job");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_failure_is_one_line_with_its_exit_code_and_no_stack_trace(string name)
    {
        var (args, environment, exitCode, says) = Case(name);

        var text = await CliProcess.RunAsync(RepositoryPaths.Root, environment, args);
        var json = await CliProcess.RunAsync(RepositoryPaths.Root, environment, [.. args, "--json"]);

        Assert.Equal(exitCode, text.ExitCode);
        var line = Assert.Single(text.ErrorLines, l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains(says, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, text.Error + json.Error + json.Output, StringComparison.Ordinal);
        Assert.Equal(exitCode, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(exitCode, document.RootElement.GetProperty("error").GetProperty("exit_code").GetInt32());
    }

    [Fact]
    public async Task Verbose_adds_the_stack_trace_to_the_same_error()
    {
        var (args, environment, exitCode, _) = Case("damaged job store");

        var result = await CliProcess.RunAsync(RepositoryPaths.Root, environment, [.. args, "--verbose"]);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_disk_stops_the_job_with_exit_3_and_resume_finishes_it_once_space_is_free()
    {
        // A real ENOSPC from a 2 MiB tmpfs (CI runs as root): the store is created, then the disk is filled to 140 KiB free.
        var mount = Directory.CreateDirectory(Path.Combine(_folder.Path, "small")).FullName;
        Assert.Equal(0, Run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount));
        try
        {
            Assert.Equal(ExitCodes.Success, (await CliProcess.RunAsync(RepositoryPaths.Root, null, "jobs", "list", "--out", mount)).ExitCode);
            var free = new DriveInfo(mount).AvailableFreeSpace;
            var filler = Path.Combine(mount, "filler");
            using (var stream = File.Create(filler))
            {
                stream.SetLength(free - (140 * 1024));
                stream.Write(new byte[stream.Length]);
            }

            var full = await CliProcess.RunAsync(RepositoryPaths.Root, null, "run", RepositoryPaths.SampleArticles, "--out", mount);
            File.Delete(filler);
            var jobs = await CliProcess.RunAsync(RepositoryPaths.Root, null, "jobs", "list", "--out", mount, "--json");
            using var list = JsonDocument.Parse(jobs.Output);
            var jobId = list.RootElement.EnumerateArray().Single().GetProperty("job_id").GetString()!;
            var resumed = await CliProcess.RunAsync(RepositoryPaths.Root, null, "resume", jobId, "--out", mount);

            Assert.Equal(ExitCodes.StoreOrOutputUnusable, full.ExitCode);
            Assert.Contains("error: disk full while writing", full.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", full.Error, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.Success, resumed.ExitCode);
            Assert.True(File.Exists(Path.Combine(mount, jobId, "briefing.md")));
        }
        finally
        {
            Run("umount", "-l", mount);
        }
    }

    public void Dispose()
    {
        _folder.Dispose();
        _prompts.Dispose();
    }

    private (string[] Args, Dictionary<string, string>? Environment, int ExitCode, string Says) Case(string name)
    {
        var output = Path.Combine(_folder.Path, "out");
        var samples = RepositoryPaths.SampleArticles;
        switch (name)
        {
            case "damaged job store":
                _folder.WriteBytes("damaged/summarizer.db", [.. "SQLite format 3\0"u8, .. new byte[3000]]);
                return (["jobs", "list", "--out", Path.Combine(_folder.Path, "damaged")], null, ExitCodes.StoreOrOutputUnusable, "is damaged or not a SQLite database");
            case "out is a file":
                return (["run", samples, "--out", _folder.Write("a-file", "x")], null, ExitCodes.StoreOrOutputUnusable, "is a file, not a folder");
            case "read-only output":
                // /proc refuses new entries even to root.
                return (["run", samples, "--out", "/proc/summarizer-test-output"], null, ExitCodes.StoreOrOutputUnusable, "cannot be opened for writing");
            case "unparsable setting":
                return (["plan", samples], new() { ["Summarizer__Jobs__Concurrency"] = "abc" }, ExitCodes.UsageError, "(Summarizer:Jobs:Concurrency): 'abc' is not a valid Int32");
            case "invalid setting":
                return (["plan", samples], new() { ["Summarizer__Engine__AzureApi"] = "v9" }, ExitCodes.UsageError, "configuration (EngineOptions)");
            case "invalid mode":
                return (["run", samples, "--out", output], new() { ["Summarizer__Jobs__Mode"] = "overnight" }, ExitCodes.UsageError, "Summarizer:Jobs:Mode must be realtime or batch");
            case "batch discount out of range":
                return (["plan", samples], new() { ["Summarizer__Pricing__BatchDiscount"] = "1.5" }, ExitCodes.UsageError, "BatchDiscount");
            case "garbled prompt lock":
                var locked = _prompts.CopyFrom(Path.Combine(RepositoryPaths.Root, "prompts")).Path;
                File.WriteAllText(Path.Combine(locked, "prompts.lock"), "{\"merge\": [1, 2");
                return (["run", samples, "--out", output], new() { ["Summarizer__Prompts__Root"] = locked }, ExitCodes.UsageError, "prompt lock");
            case "template that does not render":
                var broken = _prompts.CopyFrom(Path.Combine(RepositoryPaths.Root, "prompts")).Path;
                File.Delete(Path.Combine(broken, "prompts.lock"));
                var merge = Path.Combine(broken, "merge", "v2.yaml");
                File.WriteAllText(merge, File.ReadAllText(merge).Replace("Answer only with JSON", "{{ no_such_function }} Answer only with JSON", StringComparison.Ordinal));
                return (["run", samples, "--out", output], new() { ["Summarizer__Prompts__Root"] = broken }, ExitCodes.UsageError, "does not render");
            case "azure without a key":
                return (["run", samples, "--engine", "azure", "--endpoint", "https://127.0.0.1:9/", "--deployment", "d", "--out", output], null, ExitCodes.UsageError, "azure has no API key");
            case "endpoint with a password":
                return (["run", samples, "--engine", "openai", "--endpoint", $"http://user:{Key}@127.0.0.1:9/v1", "--model", "m", "--out", output], null, ExitCodes.UsageError, "carries a user name or password");
            case "unknown option":
                return (["run", "--concurency", "2", samples], null, ExitCodes.UsageError, "unknown option --concurency (did you mean --concurrency?)");
            case "unknown command":
                return (["rnu", samples], null, ExitCodes.UsageError, "unknown command 'rnu' (did you mean 'run'?)");
            case "value out of range":
                return (["run", samples, "--concurrency", "0"], null, ExitCodes.UsageError, "--concurrency must be between 1 and 256");
            case "value not allowed":
                return (["run", samples, "--engine", "bogus"], null, ExitCodes.UsageError, "'azure', 'openai', 'reference'");
            case "missing job":
                return (["resume", "20990101T000000Z-000000", "--out", output], null, ExitCodes.UsageError, "20990101T000000Z-000000");
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "no such case");
        }
    }

    private static int Run(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit(30_000);
        return process.ExitCode;
    }
}

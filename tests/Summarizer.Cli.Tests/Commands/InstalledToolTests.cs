using System.Diagnostics;
using Summarizer.Testing;

namespace Summarizer.Cli.Tests.Commands;

/// <summary>The packed tool, installed as a user installs it, runs the sample job from any folder.</summary>
public sealed class InstalledToolTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_installed_tool_carries_only_committed_assets_runs_the_sample_job_from_another_folder_and_refuses_other_articles_with_guidance()
    {
        var packages = Path.Combine(_folder.Path, "packages");
        var tools = Path.Combine(_folder.Path, "tools");
        var elsewhere = Directory.CreateDirectory(Path.Combine(_folder.Path, "elsewhere")).FullName;
        var project = Path.Combine(RepositoryPaths.Root, "src", "Summarizer.Cli", "Summarizer.Cli.csproj");
        var configuration = CliProcess.Dll.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

        // A file git does not track, beside the prompts: it must stay out of the package. Nothing reads *.txt there.
        var draft = Path.Combine(RepositoryPaths.Root, "prompts", $"untracked-draft-{Guid.NewGuid():N}.txt");
        File.WriteAllText(draft, "not committed");
        try
        {
            Assert.Equal(0, await Dotnet(elsewhere, "pack", project, "-c", configuration, "--no-build", "-o", packages));
        }
        finally
        {
            File.Delete(draft);
        }

        using (var package = System.IO.Compression.ZipFile.OpenRead(Directory.GetFiles(packages, "*.nupkg").Single()))
        {
            var entries = package.Entries.Select(e => e.FullName).ToList();
            Assert.Contains(entries, e => e.EndsWith("prompts/summarize/v2.yaml", StringComparison.Ordinal));
            Assert.DoesNotContain(entries, e => e.Contains(Path.GetFileName(draft), StringComparison.Ordinal));
        }

        Assert.Equal(0, await Dotnet(elsewhere, "tool", "install", "Summarizer.Cli", "--tool-path", tools, "--add-source", packages, "--ignore-failed-sources"));
        var tool = Path.Combine(tools, "summarizer");
        var sample = await Run(tool, elsewhere, "run", RepositoryPaths.SampleArticles, "--out", Path.Combine(elsewhere, "out"));
        var seed = await Run(tool, elsewhere, "run", RepositoryPaths.Seed("001"), "--out", Path.Combine(elsewhere, "out"));

        Assert.Equal((ExitCodes.Success, string.Empty), (sample.ExitCode, sample.Error.Contains("error:", StringComparison.Ordinal) ? sample.Error : string.Empty));
        Assert.Single(Directory.GetFiles(Path.Combine(elsewhere, "out"), "briefing.md", SearchOption.AllDirectories));
        Assert.Equal(ExitCodes.UsageError, seed.ExitCode);
        Assert.Contains("error: the reference engine only serves the sample articles", seed.Error, StringComparison.Ordinal);
        Assert.Contains("--engine openai --endpoint", seed.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static async Task<int> Dotnet(string workingDirectory, params string[] args) => (await Run("dotnet", workingDirectory, args)).ExitCode;

    private static async Task<CliResult> Run(string file, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "OPENAI_API_KEY" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }
}

using System.Text.Json;
using Summarizer.Testing;

namespace Summarizer.Cli.Tests.Commands;

/// <summary>The README's first command, run as a user runs it: from the repository root, no engine, no key.</summary>
public sealed class SampleJobTests : IDisposable
{
    private readonly TempFolder _output = new();

    public void Dispose() => _output.Dispose();

    [Fact]
    public async Task The_sample_job_runs_end_to_end_on_the_reference_engine_through_the_cli()
    {
        var result = await CliProcess.RunAsync(RepositoryPaths.Root, null, "run", "samples/articles", "--out", _output.Path, "--json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("reference", json.RootElement.GetProperty("engine").GetString());
        Assert.Equal("done", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("qa").GetProperty("errors").GetInt32());
        Assert.Contains("no engine configured", result.Error, StringComparison.Ordinal);
        var job = json.RootElement.GetProperty("job_dir").GetString()!;
        var briefing = File.ReadAllText(Path.Combine(job, "briefing.md"));
        Assert.Contains("Reference data", briefing, StringComparison.Ordinal);
        Assert.Contains("[^1]: **", briefing, StringComparison.Ordinal);
        var index = File.ReadAllText(Path.Combine(job, "index.html"));
        Assert.Contains("articles/water-desalination-plant/side-by-side.html", index, StringComparison.Ordinal);
        Assert.Contains("<a href=\"briefing.html\">", index, StringComparison.Ordinal);
        Assert.Contains("href=\"articles/water-desalination-plant/side-by-side.html#s1\"", File.ReadAllText(Path.Combine(job, "briefing.html")), StringComparison.Ordinal);
        using var qa = JsonDocument.Parse(File.ReadAllText(Path.Combine(job, "qa.json")));
        Assert.Equal(0, qa.RootElement.GetProperty("errors").GetInt32());
        foreach (var article in new[] { "date-harvest-festival", "regional-rail-agreement", "water-desalination-plant" })
        {
            var folder = Path.Combine(job, "articles", article);
            foreach (var file in new[] { "translation.json", "claims.json", "summary.md", "side-by-side.html" })
            {
                Assert.True(File.Exists(Path.Combine(folder, file)), $"{article}/{file}");
            }

            using var translation = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "translation.json")));
            Assert.All(translation.RootElement.GetProperty("sentences").EnumerateArray(), s => Assert.False(string.IsNullOrEmpty(s.GetProperty("en").GetString())));
        }
    }

    [Fact]
    public async Task Qa_passes_the_sample_job_and_fails_it_once_a_translation_loses_a_number()
    {
        var run = await CliProcess.RunAsync(RepositoryPaths.Root, null, "run", "samples/articles", "--out", _output.Path, "--json");
        using var json = JsonDocument.Parse(run.Output);
        var job = json.RootElement.GetProperty("job_id").GetString()!;
        var translationPath = Path.Combine(_output.Path, job, "articles", "water-desalination-plant", "translation.json");

        var clean = await CliProcess.RunAsync(RepositoryPaths.Root, null, "qa", job, "--out", _output.Path);
        File.WriteAllText(translationPath, File.ReadAllText(translationPath).Replace("250,000 cubic metres", "25,000 cubic metres", StringComparison.Ordinal));
        var broken = await CliProcess.RunAsync(RepositoryPaths.Root, null, "qa", job, "--out", _output.Path);

        Assert.True(clean.ExitCode == ExitCodes.Success, clean.Output + clean.Error);
        var lines = clean.Output.Trim().Split('\n');
        Assert.StartsWith("0 errors", lines[^2], StringComparison.Ordinal);
        Assert.Equal($"written: {Path.Combine(_output.Path, job, "qa.json")}", lines[^1]);
        Assert.Equal(ExitCodes.PartialFailure, broken.ExitCode);
        Assert.Contains("error   water-desalination-plant s1 number_mismatch: missing in English: 250; not in the Arabic: 25,000", broken.Output, StringComparison.Ordinal);
        using var qa = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output.Path, job, "qa.json")));
        Assert.Equal(1, qa.RootElement.GetProperty("errors").GetInt32());
    }
}

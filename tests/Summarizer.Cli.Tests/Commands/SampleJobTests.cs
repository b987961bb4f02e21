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
}

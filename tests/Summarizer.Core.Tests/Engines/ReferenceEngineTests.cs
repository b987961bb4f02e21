using Summarizer.Core.Outputs;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Engines;
using Summarizer.Core.Jobs;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Engines;

public sealed class ReferenceEngineTests : IDisposable
{
    private readonly TempFolder _output = new();

    public void Dispose() => _output.Dispose();

    [Fact]
    public async Task Articles_outside_the_samples_are_refused_before_a_job_exists_with_how_to_configure_a_real_engine()
    {
        var runner = Runner();

        var error = await Assert.ThrowsAsync<EngineConfigurationException>(() => runner.RunAsync(new JobRequest([RepositoryPaths.SampleArticles, RepositoryPaths.Seed("000")])));

        Assert.Contains("reference engine only serves the sample articles in samples/articles (1 other article: 000_", error.Message, StringComparison.Ordinal);
        Assert.Contains("--engine azure", error.Message, StringComparison.Ordinal);
        Assert.Contains("--engine openai", error.Message, StringComparison.Ordinal);
        Assert.Empty(runner.Store(new JobRequest([])).ListJobs());
    }

    [Fact]
    public async Task The_sample_job_runs_offline_and_every_output_says_it_is_reference_data()
    {
        var result = await Runner().RunAsync(new JobRequest([RepositoryPaths.SampleArticles]));

        Assert.Equal(JobStatuses.Done, result.Status);
        Assert.Equal(3, result.Articles.Count);
        Assert.Contains("Reference data", File.ReadAllText(Path.Combine(result.JobDirectory, "briefing.md")), StringComparison.Ordinal);
        Assert.Contains("\"reference_data\": true", File.ReadAllText(Path.Combine(result.JobDirectory, "manifest.json")), StringComparison.Ordinal);
        foreach (var article in result.Articles)
        {
            var folder = Path.Combine(result.JobDirectory, "articles", article.Id);
            Assert.Contains("offline reference engine", File.ReadAllText(Path.Combine(folder, "side-by-side.html")), StringComparison.Ordinal);
            Assert.Contains("offline reference engine", File.ReadAllText(Path.Combine(folder, "summary.md")), StringComparison.Ordinal);
            Assert.Contains("\"reference_data\": true", File.ReadAllText(Path.Combine(folder, "claims.json")), StringComparison.Ordinal);
        }
    }

    private JobRunner Runner() => CoreServices.Create(
            ("Summarizer:Engine:Kind", EngineKinds.Reference),
            ("Summarizer:Engine:ReferenceData", Path.Combine(RepositoryPaths.Root, "samples", "reference")),
            ("Summarizer:Prompts:Root", Path.Combine(RepositoryPaths.Root, "prompts")),
            ("Summarizer:Jobs:OutputRoot", _output.Path))
        .GetRequiredService<JobRunner>();
}

using Summarizer.Core.Outputs;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Jobs;
using Summarizer.Testing;

namespace Summarizer.Browser.Tests;

/// <summary>The sample job, run once by the real pipeline on the offline reference engine: the pages a new user first opens.</summary>
public sealed class SampleJob : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _output = new();

    /// <summary>Gets the job's folder.</summary>
    public string Directory { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var services = CoreServices.Create(
            ("Summarizer:Engine:Kind", "reference"),
            ("Summarizer:Engine:ReferenceData", Path.Combine(RepositoryPaths.Root, "samples", "reference")),
            ("Summarizer:Prompts:Root", Path.Combine(RepositoryPaths.Root, "prompts")),
            ("Summarizer:Jobs:OutputRoot", _output.Path));
        var result = await services.GetRequiredService<JobRunner>().RunAsync(new JobRequest([RepositoryPaths.SampleArticles]));
        Assert.Equal(JobStatuses.Done, result.Status);
        Directory = result.JobDirectory;
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose() => _output.Dispose();

    /// <summary>Gets the path of a file in the job folder.</summary>
    public string File(params string[] parts) => Path.Combine([Directory, .. parts]);
}

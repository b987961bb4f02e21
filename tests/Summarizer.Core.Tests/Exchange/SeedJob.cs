using Summarizer.Core.Outputs;
using Microsoft.Data.Sqlite;
using Summarizer.Core.Jobs;
using Summarizer.Core.Store;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Exchange;

/// <summary>One real job over the five seed articles (loopback model), run once per test class; tests work on copies.</summary>
public sealed class SeedJob : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _output = new();

    public string JobId { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync();
        using var services = LoopbackJob.OpenAIServices(server, _output.Path);
        var result = await LoopbackJob.RunSeedsAsync(services);
        Assert.Equal(JobStatuses.Done, result.Status);
        JobId = result.JobId;
        SqliteConnection.ClearAllPools();
    }

    /// <summary>A fresh copy of the output folder (job folder and store), so each test's reviews are its own.</summary>
    public Copy Fresh() => new(new TempFolder().CopyFrom(_output.Path), JobId);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _output.Dispose();
    }

    public sealed class Copy(TempFolder folder, string jobId) : IDisposable
    {
        public string JobId => jobId;

        public string Output => folder.Path;

        public string Directory => new JobStore(JobStore.PathIn(folder.Path)).GetJob(jobId)!.Directory;

        public ReviewStore Reviews { get; } = new(JobStore.PathIn(folder.Path));

        public string Write(string name, string text) => folder.Write(name, text);

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            folder.Dispose();
        }
    }
}

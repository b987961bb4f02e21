using Summarizer.Core.Outputs;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Jobs;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Jobs;

public sealed class CancellationTests : LoopbackServerTest, IAsyncLifetime
{
    [Fact]
    public async Task Cancelling_keeps_finished_articles_and_the_manifest_says_what_finished()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelAfterFirstArticle(cancellation);
        var runner = LoopbackJob.OpenAIServices(Server, Output.Path, ("Summarizer:Jobs:Concurrency", "1")).GetRequiredService<JobRunner>();

        // Under a loaded test run, every other article could otherwise get all its (instant) answers while the first
        // one is still writing its files, and finish before the cancellation it triggers is seen.
        Server.Delay = TimeSpan.FromMilliseconds(30);

        var result = await runner.RunAsync(new JobRequest([RepositoryPaths.Seeds]), progress, cancellation.Token);

        Assert.Equal(JobStatuses.Cancelled, result.Status);
        var finished = Assert.Single(progress.Finished);
        Assert.True(File.Exists(Path.Combine(result.JobDirectory, "articles", finished, "side-by-side.html")));
        Assert.Contains(result.Articles, a => a.Status == JobStatuses.Cancelled);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.JobDirectory, "manifest.json")));
        Assert.Equal("cancelled", manifest.RootElement.GetProperty("status").GetString());
        Assert.Equal("done", manifest.RootElement.GetProperty("articles").EnumerateArray().Single(a => a.GetProperty("id").GetString() == finished).GetProperty("status").GetString());
        Assert.False(File.Exists(Path.Combine(result.JobDirectory, "briefing.md")));
    }

    private sealed class CancelAfterFirstArticle(CancellationTokenSource source) : IJobProgress
    {
        public List<string> Finished { get; } = [];

        public void Started(int articles, int estimatedCalls)
        {
        }

        public void CallFinished(string stage)
        {
        }

        public void ArticleFinished(string articleId, string status, string? reason)
        {
            lock (Finished)
            {
                if (!source.IsCancellationRequested)
                {
                    Finished.Add(articleId);
                    source.Cancel();
                }
            }
        }

        public void Message(string text)
        {
        }
    }
}

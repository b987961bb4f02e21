using Summarizer.Core.Outputs;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Summarizer.Core.Jobs;
using Summarizer.Core.Planning;
using Summarizer.Core.Resilience;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Jobs;

/// <summary>What a running job tells its <see cref="IJobProgress"/> (the CLI's progress bar), checked on a mock.</summary>
public sealed class JobProgressTests : LoopbackServerTest, IAsyncLifetime
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMilliseconds(400);
    private readonly TestClock _clock = new();
    private readonly Mock<IJobProgress> _progress = new();

    [Fact]
    public async Task A_job_reports_its_start_every_call_every_article_and_the_wait_before_a_retry()
    {
        // The first translate request of one article is throttled with a retry-after.
        const string throttled = "water-desalination-plant";
        Server.Override = r => r.Stage == StageNames.Translate && r.Attempt == 1 && r.Arabic.Contains("تحلية", StringComparison.Ordinal) && !r.IsRepair
            ? FakeModelReply.Throttled(RetryAfter)
            : null;
        Server.Clock = _clock;
        var runner = LoopbackJob.OpenAIServices(Server, Output.Path, _clock).GetRequiredService<JobRunner>();

        var result = await _clock.RunAsync(() => runner.RunAsync(new JobRequest([RepositoryPaths.SampleArticles]), _progress.Object), TimeSpan.FromSeconds(1));

        Assert.Equal(JobStatuses.Done, result.Status);
        Assert.Equal(3, result.Articles.Count);
        Assert.Contains(result.Articles, a => a.Id == throttled);

        // One CallFinished per stage call: per distinct request (a retry sends the same input again), whatever the stage.
        var calls = Server.Requests.GroupBy(r => r.Stage).ToDictionary(g => g.Key, g => g.Select(LoopbackOpenAiServer.InputKey).Distinct().Count());
        Assert.Equal(StageNames.All.Order(), calls.Keys.Order());
        foreach (var (stage, count) in calls)
        {
            _progress.Verify(p => p.CallFinished(stage), Times.Exactly(count));
        }

        _progress.Verify(p => p.CallFinished(It.IsAny<string>()), Times.Exactly(calls.Values.Sum()));
        _progress.Verify(p => p.Started(3, calls.Values.Sum()), Times.Once);
        _progress.Verify(p => p.Started(It.IsAny<int>(), It.IsAny<int>()), Times.Once);
        foreach (var article in result.Articles)
        {
            _progress.Verify(p => p.ArticleFinished(article.Id, JobStatuses.Done, null), Times.Once);
        }

        _progress.Verify(p => p.ArticleFinished(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>()), Times.Exactly(3));
        _progress.Verify(p => p.Waiting(It.Is<RetryNotice>(n => n.Cause == "429" && n.Delay == RetryAfter)), Times.Once);
        _progress.Verify(p => p.Waiting(It.IsAny<RetryNotice>()), Times.Once);
    }

    [Fact]
    public async Task An_article_that_fails_is_reported_finished_with_its_status_and_reason()
    {
        Server.Override = r => r.Stage == StageNames.Translate && r.Arabic.Contains("تحلية", StringComparison.Ordinal)
            ? FakeModelReply.Error(401, "401", "Access denied due to invalid subscription key.")
            : null;
        var runner = LoopbackJob.OpenAIServices(Server, Output.Path).GetRequiredService<JobRunner>();

        var result = await runner.RunAsync(new JobRequest([RepositoryPaths.SampleArticles]), _progress.Object);

        var failed = Assert.Single(result.Articles, a => a.Status != JobStatuses.Done);
        Assert.Equal("water-desalination-plant", failed.Id);
        _progress.Verify(p => p.ArticleFinished(failed.Id, failed.Status, It.Is<string?>(r => r != null && r.Contains("HTTP 401", StringComparison.Ordinal))), Times.Once);
        _progress.Verify(p => p.ArticleFinished(It.IsNotIn(failed.Id), JobStatuses.Done, null), Times.Exactly(2));
        _progress.Verify(p => p.Waiting(It.IsAny<RetryNotice>()), Times.Never);
    }
}

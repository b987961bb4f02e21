using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Batch;
using Summarizer.Core.Jobs;
using Summarizer.Core.Outputs;
using Summarizer.Core.Store;
using Summarizer.Core.Telemetry;
using Summarizer.Testing;
using Xunit.Abstractions;

namespace Summarizer.Core.Tests.Telemetry;

/// <summary>
/// A batch job on the five seeds, waiting for its rounds, watched by the real telemetry setup with in-memory exporters:
/// its trace holds a span per round submitted and per round waited for, and below them a span per provider batch with
/// its id, the steps it went through and its status changes as events, agreeing with the batch store.
/// </summary>
[Collection(TelemetryTestsAlone.Name)]
public sealed class BatchTelemetryTests(ITestOutputHelper output) : LoopbackServerTest, IAsyncLifetime
{
    [Fact]
    public async Task A_batch_jobs_trace_has_its_rounds_and_their_batches_with_status_changes_as_events()
    {
        using var capture = new TelemetryCapture();
        var services = LoopbackJob.OpenAIServices(Server, Output.Path, ("Summarizer:Jobs:Mode", "batch"), ("Summarizer:Batch:PollSeconds", "0.02"));

        JobResult result;
        using (var ticking = new CancellationTokenSource())
        {
            var clock = Task.Run(async () =>
            {
                while (!ticking.IsCancellationRequested)
                {
                    Server.Batch.Advance(TimeSpan.FromMinutes(1));
                    await Task.Delay(10, CancellationToken.None);
                }
            });
            result = await services.GetRequiredService<JobRunner>().RunAsync(new JobRequest([RepositoryPaths.Seeds]));
            await ticking.CancelAsync();
            await clock;
        }

        Assert.Equal(JobStatuses.Done, result.Status);
        var job = Assert.Single(capture.Spans, s => s.OperationName == "summarizer.job" && Equals(s.GetTagItem(TelemetryNames.JobId), result.JobId));
        var tree = SpanTree.Of(capture.Spans, job.TraceId);
        output.WriteLine(tree.Draw(maxChildren: 12));
        Assert.Same(job, Assert.Single(tree.Roots));
        var parts = new BatchStore(new JobStore(JobStore.PathIn(Output.Path))).Parts(result.JobId);

        // One submission span per round, a child of the job's, counting the calls the store recorded for that round.
        var rounds = tree.Children(job).Where(s => s.OperationName == "summarizer.batch.round").ToList();
        var submits = rounds.Where(s => Equals(s.GetTagItem(TelemetryNames.BatchAction), TelemetryNames.SubmitAction)).ToList();
        Assert.Equal([1, 2, 3, 4], submits.Select(s => (int)s.GetTagItem(TelemetryNames.Round)!));
        Assert.Equal(parts.GroupBy(p => p.Round).OrderBy(g => g.Key).Select(g => g.Sum(p => p.Lines)), submits.Select(s => (int)s.GetTagItem(TelemetryNames.Lines)!));
        Assert.All(rounds, r => Assert.Equal(result.JobId, r.GetTagItem(TelemetryNames.JobId)));

        // Each round is waited for after it is submitted, and ends with every batch of it completed.
        var waits = rounds.Where(s => Equals(s.GetTagItem(TelemetryNames.BatchAction), TelemetryNames.WaitAction)).ToList();
        Assert.Equal([1, 2, 3, 4], waits.Select(s => (int)s.GetTagItem(TelemetryNames.Round)!));
        Assert.All(waits, w => Assert.Equal(BatchStatuses.Completed, w.GetTagItem(TelemetryNames.Status)));

        // A batch span per batch under its submission: the store's batch id, uploaded then created as validating.
        foreach (var part in parts)
        {
            var submit = submits.Single(s => (int)s.GetTagItem(TelemetryNames.Round)! == part.Round);
            var created = Assert.Single(tree.Children(submit), s => s.OperationName == "summarizer.batch" && Equals(s.GetTagItem(TelemetryNames.BatchId), part.BatchId));
            Assert.Equal(ActivityKind.Client, created.Kind);
            Assert.Equal([TelemetryNames.UploadedEvent, TelemetryNames.CreatedEvent], created.Events.Select(e => e.Name));
            Assert.Equal(part.InputFileId, created.Events.First().Tags.Single(t => t.Key == TelemetryNames.InputFileId).Value);
            Assert.Equal(BatchStatuses.Validating, Tag(created.Events.Last(), TelemetryNames.BatchStatus));

            // Then, under the polls that saw them, its status changes in order and the download of its answers.
            var later = rounds.Where(r => (int)r.GetTagItem(TelemetryNames.Round)! == part.Round && r != submit)
                .SelectMany(tree.Children).Where(s => Equals(s.GetTagItem(TelemetryNames.BatchId), part.BatchId)).ToList();
            var changes = later.SelectMany(s => s.Events).Where(e => e.Name == TelemetryNames.StatusEvent).ToList();
            Assert.NotEmpty(changes);
            Assert.Equal(BatchStatuses.Validating, Tag(changes[0], TelemetryNames.PreviousBatchStatus));
            Assert.Equal(BatchStatuses.Completed, Tag(changes[^1], TelemetryNames.BatchStatus));
            Assert.All(changes.Skip(1).Zip(changes), pair => Assert.Equal(Tag(pair.Second, TelemetryNames.BatchStatus), Tag(pair.First, TelemetryNames.PreviousBatchStatus)));
            var downloaded = Assert.Single(later.SelectMany(s => s.Events), e => e.Name == TelemetryNames.DownloadedEvent);
            Assert.Equal((part.Lines, 0), ((int)Tag(downloaded, TelemetryNames.Succeeded)!, (int)Tag(downloaded, TelemetryNames.Failed)!));
        }

        // Nothing of the articles' text goes into these spans: ids, counts and statuses only.
        Assert.DoesNotContain(tree.Spans.Where(s => s.OperationName.StartsWith("summarizer.batch", StringComparison.Ordinal)).SelectMany(s => s.TagObjects.Select(t => t.Value as string)),
            value => value is not null && value.Any(c => c is >= '\u0600' and <= '\u06FF'));
    }

    private static object? Tag(ActivityEvent e, string key) => e.Tags.Single(t => t.Key == key).Value;
}

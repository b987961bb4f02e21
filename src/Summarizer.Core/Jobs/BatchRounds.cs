using Summarizer.Core.Batch;
using Summarizer.Core.Outputs;
using Summarizer.Core.Planning;
using Summarizer.Core.Scheduling;
using Summarizer.Core.Stages;
using Summarizer.Core.Store;
using Summarizer.Core.Telemetry;

namespace Summarizer.Core.Jobs;

/// <summary>
/// A batch job's rounds: poll (or wait for) the last round submitted, replay the job's graph with the answers so far,
/// and submit what the replay found ready and unanswered as the next round. Every step is recorded in the store before
/// the next, so a process killed anywhere and started again submits no round twice and loses no answer.
/// </summary>
internal sealed class BatchRounds(BatchRoundRunner runner, BatchStore store, string jobId, TimeSpan poll, IJobProgress progress)
{
    /// <summary>Runs rounds until a pass finishes the job (returns its result) or, with <paramref name="noWait"/>, until a round is submitted or still open.</summary>
    /// <exception cref="BatchApiException">The Batch API failed; the message names the job and how to continue it.</exception>
    public async Task<JobResult> RunAsync(
        bool noWait, Func<BatchScheduler, Task<JobResult?>> pass, Func<BatchWaiting, JobResult> waiting, BatchApi api, CancellationToken cancellationToken)
    {
        try
        {
            return await RoundsAsync(noWait, pass, waiting, api, cancellationToken).ConfigureAwait(false);
        }
        catch (BatchApiException ex)
        {
            throw ex.InJob(jobId);
        }
    }

    private async Task<JobResult> RoundsAsync(
        bool noWait, Func<BatchScheduler, Task<JobResult?>> pass, Func<BatchWaiting, JobResult> waiting, BatchApi api, CancellationToken cancellationToken)
    {
        while (true)
        {
            var latest = store.Parts(jobId).Select(p => p.Round).DefaultIfEmpty(0).Max();
            if (latest > 0)
            {
                BatchRoundState state;
                using (var span = SummarizerTelemetry.StartRound(latest, store.Parts(jobId, latest).Sum(p => p.Lines), TelemetryNames.PollAction))
                {
                    state = await runner.PollAsync(jobId, latest, cancellationToken).ConfigureAwait(false);
                    span.Finish(Status(state));
                }

                if (!state.IsFinished)
                {
                    progress.Message(Describe(latest, state.Parts));
                    if (noWait)
                    {
                        return waiting(Waiting(latest, state.Parts, submittedNow: false));
                    }

                    using var span = SummarizerTelemetry.StartRound(latest, state.Parts.Sum(p => p.Lines), TelemetryNames.WaitAction);
                    state = await runner.WaitAsync(jobId, latest, poll, cancellationToken).ConfigureAwait(false);
                    span.Finish(Status(state));
                }

                progress.Message(Describe(latest, state.Parts));
            }

            var scheduler = new BatchScheduler(store, jobId, api.RequestUrl, api.Model);
            if (await pass(scheduler).ConfigureAwait(false) is { } finished)
            {
                return finished;
            }

            var calls = scheduler.Captured;
            if (calls.Count == 0)
            {
                throw new InvalidOperationException($"job {jobId}: a batch pass left articles waiting but had no call to send");
            }

            var round = latest + 1;
            var before = store.Parts(jobId).SelectMany(p => p.CustomIds).ToHashSet(StringComparer.Ordinal);
            using var submitting = SummarizerTelemetry.StartRound(round, calls.Count, TelemetryNames.SubmitAction);
            var submission = await runner.SubmitAsync(jobId, round, calls, cancellationToken).ConfigureAwait(false);
            foreach (var part in submission.Parts)
            {
                store.RecordResubmitted(jobId, round, part.Part, part.CustomIds.Count(before.Contains));
            }

            submitting.Event(TelemetryNames.RoundSubmittedEvent, (TelemetryNames.Resubmitted, scheduler.Resubmitted), (TelemetryNames.Deferred, submission.Deferred.Count));
            submitting.Finish(Status(runner.State(jobId, round)));

            var parts = store.Parts(jobId, round);
            progress.Message($"round {round}: submitted {parts.Sum(p => p.Lines)} calls ({scheduler.Resubmitted} resubmitted) in {parts.Count} batch file(s)" +
                (submission.Deferred.Count > 0 ? $"; {submission.Deferred.Count} wait for the enqueued-token quota" : string.Empty));
            if (noWait)
            {
                return waiting(Waiting(round, parts, submittedNow: true));
            }
        }
    }

    /// <summary>The manifest's account of every round: batches, lines and what became of them, tokens and cost at the batch price.</summary>
    public IReadOnlyList<ManifestBatchRound> Manifest(string model, TokenEstimator estimator) =>
        store.Parts(jobId).GroupBy(p => p.Round).OrderBy(g => g.Key).Select(g =>
        {
            var usage = store.Answers(jobId, g.Key)
                .Select(a => new BatchAnswer(a.CustomId, a.Outcome, a.StatusCode, a.Body, a.ErrorCode, a.ErrorMessage).Usage)
                .ToList();
            var (input, output) = (usage.Sum(u => u.Input), usage.Sum(u => u.Output));
            return new ManifestBatchRound(
                g.Key, g.Where(p => p.BatchId is not null).Select(p => p.BatchId!).ToList(), g.Sum(p => p.Lines), g.Sum(p => p.Succeeded), g.Sum(p => p.Failed + p.Missing),
                g.Sum(p => p.Resubmitted), input, output, estimator.Cost(model, input, output, batch: true));
        }).ToList();

    /// <summary>A batch job's usage as its store recorded it over every pass and process: each line paid once, reused what other jobs paid.</summary>
    public static List<StageUsageSnapshot> Usage(JobStore store, string jobId, IReadOnlyList<StageUsageSnapshot> lastPass)
    {
        var totals = store.StageTotals(jobId);
        return lastPass.Select(s => totals.TryGetValue(s.Stage, out var t)
            ? s with { Calls = t.Paid + t.Repairs, Repairs = t.Repairs, Reused = t.Reused, InputTokens = t.InputTokens, OutputTokens = t.OutputTokens, Elapsed = TimeSpan.FromMilliseconds(t.ElapsedMs) }
            : s).ToList();
    }

    /// <summary>A round's statuses for its span: each part's last status (or store state), in part order.</summary>
    private static string Status(BatchRoundState state) => string.Join(",", state.Parts.Select(p => p.Status ?? p.State).Distinct());

    private static BatchWaiting Waiting(int round, IReadOnlyList<StoredBatchPart> parts, bool submittedNow) =>
        new(round, parts.Sum(p => p.Lines), parts.Where(p => p.BatchId is not null).Select(p => p.BatchId!).ToList(), parts.Select(p => p.Status ?? p.State).Distinct().ToList(), submittedNow);

    private static string Describe(int round, IReadOnlyList<StoredBatchPart> parts) =>
        $"round {round}: {parts.Sum(p => p.Lines)} calls in {parts.Count} batch(es): " +
        string.Join(", ", parts.GroupBy(p => p.Status ?? p.State).Select(g => $"{g.Count()} {g.Key}")) +
        $" ({parts.Sum(p => p.Succeeded)} answered, {parts.Sum(p => p.Failed + p.Missing)} failed or missing)";
}

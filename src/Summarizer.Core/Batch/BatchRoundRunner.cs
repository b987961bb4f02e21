using Summarizer.Core.Store;
using Summarizer.Core.Telemetry;

namespace Summarizer.Core.Batch;

/// <summary>
/// Runs rounds through the Batch API with the store as the record of every step, so that a process killed anywhere
/// and started again continues without sending anything twice: the intent and JSONL are recorded before the upload,
/// the file id after it, the batch id right after creation and before any wait. On resume a part with no file id is
/// looked up by its file name before it is uploaded, a part with a file id but no batch id is looked up by its input
/// file before a batch is created, and a part with a batch id is only polled. Downloads are idempotent.
/// </summary>
/// <param name="api">The Batch API.</param>
/// <param name="store">The batch store.</param>
/// <param name="planner">Splits a round into files.</param>
/// <param name="limits">The per-file limits and enqueued-token bound.</param>
/// <param name="completionWindow">The completion window to ask for (<c>24h</c>).</param>
/// <param name="time">The clock polls wait on.</param>
public sealed class BatchRoundRunner(BatchApi api, BatchStore store, BatchRound planner, BatchLimits limits, string completionWindow, TimeProvider time)
{
    /// <summary>Gets or sets a hook called after each step (tests throw from it to play a kill there).</summary>
    internal Action<BatchStep, StoredBatchPart>? AfterStep { get; set; }

    /// <summary>
    /// Submits the calls of a round not already submitted in it (by custom id): plans files within the limits, records
    /// them, uploads and creates their batches. Calls over the enqueued-token bound are returned as deferred; submit them
    /// later with the same round. Parts an earlier process left half-submitted are finished first.
    /// </summary>
    public async Task<BatchSubmission> SubmitAsync(string jobId, int round, IReadOnlyList<BatchCall> calls, CancellationToken cancellationToken)
    {
        await ResumeAsync(jobId, round, cancellationToken).ConfigureAwait(false);
        var known = store.Parts(jobId, round).SelectMany(p => p.CustomIds).ToHashSet(StringComparer.Ordinal);
        var plan = planner.Plan(calls.Where(c => !known.Contains(c.CustomId)).ToList(), limits, store.EnqueuedTokens());
        if (plan.Files.Count > 0)
        {
            var before = store.Parts(jobId, round).Count;
            var planned = store.Plan(jobId, round, plan.Files.Select(f => (f.CustomIds, f.Tokens, f.Content))).Skip(before).ToList();
            Step(BatchStep.Planned, planned[0]);
            foreach (var part in planned)
            {
                await SubmitPartAsync(part, resumed: false, cancellationToken).ConfigureAwait(false);
            }
        }

        return new BatchSubmission(store.Parts(jobId, round), plan.Deferred);
    }

    /// <summary>Finishes submitting every part of a round an earlier process recorded but did not see created.</summary>
    public async Task ResumeAsync(string jobId, int round, CancellationToken cancellationToken)
    {
        foreach (var part in store.Parts(jobId, round).Where(p => p.BatchId is null))
        {
            await SubmitPartAsync(part, resumed: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Polls the round's open batches once; downloads and stores the answers of every batch that has ended (again for a
    /// part whose download a kill interrupted). Returns where the round stands.
    /// </summary>
    public async Task<BatchRoundState> PollAsync(string jobId, int round, CancellationToken cancellationToken)
    {
        await ResumeAsync(jobId, round, cancellationToken).ConfigureAwait(false);
        var polled = new Dictionary<int, BatchObject>();
        foreach (var part in store.Parts(jobId, round).Where(p => p.State == BatchStore.Submitted))
        {
            var batch = await api.GetAsync(part.BatchId!, cancellationToken).ConfigureAwait(false);
            var ended = BatchStatuses.IsTerminal(batch.Status);
            store.RecordStatus(jobId, round, part.Part, batch.Status, ended, batch.OutputFileId, batch.ErrorFileId, Failure(batch));
            polled[part.Part] = batch;
            if (batch.Status != part.Status)
            {
                // A span only when something changed: a day of polls every minute must not make a thousand spans.
                using var span = SummarizerTelemetry.StartBatch(part.BatchId, round, part.Lines);
                span.Event(TelemetryNames.StatusEvent, (TelemetryNames.BatchStatus, batch.Status), (TelemetryNames.PreviousBatchStatus, part.Status));
            }

            if (ended)
            {
                Step(BatchStep.Ended, part);
            }
        }

        foreach (var part in store.Parts(jobId, round).Where(p => p.State == BatchStore.Ended))
        {
            using var span = SummarizerTelemetry.StartBatch(part.BatchId, round, part.Lines);
            var batch = polled.GetValueOrDefault(part.Part) ?? await api.GetAsync(part.BatchId!, cancellationToken).ConfigureAwait(false);
            var answers = await DownloadAsync(part, batch, cancellationToken).ConfigureAwait(false);
            span.Event(
                TelemetryNames.DownloadedEvent,
                (TelemetryNames.BatchStatus, batch.Status),
                (TelemetryNames.Succeeded, answers.Count(a => a.Outcome == BatchOutcomes.Succeeded)),
                (TelemetryNames.Failed, answers.Count(a => a.Outcome != BatchOutcomes.Succeeded)));
            span.Finish(batch.Status);
        }

        return State(jobId, round);
    }

    /// <summary>Polls every <paramref name="every"/> until every part of the round has its answers stored.</summary>
    public async Task<BatchRoundState> WaitAsync(string jobId, int round, TimeSpan every, CancellationToken cancellationToken)
    {
        while (true)
        {
            var state = await PollAsync(jobId, round, cancellationToken).ConfigureAwait(false);
            if (state.IsFinished)
            {
                return state;
            }

            await Task.Delay(every, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Asks the service to cancel every open batch of a job (its finished lines still come back); returns how many.</summary>
    public async Task<int> CancelAsync(string jobId, CancellationToken cancellationToken)
    {
        var open = store.Parts(jobId).Where(p => p.State == BatchStore.Submitted && p.Status is not BatchStatuses.Cancelling).ToList();
        foreach (var part in open)
        {
            var batch = await api.CancelAsync(part.BatchId!, cancellationToken).ConfigureAwait(false);
            store.RecordStatus(part.JobId, part.Round, part.Part, batch.Status, BatchStatuses.IsTerminal(batch.Status), batch.OutputFileId, batch.ErrorFileId, Failure(batch));
        }

        return open.Count;
    }

    /// <summary>Where a round stands, from the store alone.</summary>
    public BatchRoundState State(string jobId, int round) =>
        new(store.Parts(jobId, round), store.Answers(jobId, round).Select(BatchAnswer.From).ToList());

    private async Task SubmitPartAsync(StoredBatchPart part, bool resumed, CancellationToken cancellationToken)
    {
        using var span = SummarizerTelemetry.StartBatch(null, part.Round, part.Lines);
        var fileId = part.InputFileId;
        var uploadedNow = false;
        if (fileId is null)
        {
            // An upload whose id a kill kept from the store is on the service under the part's unique name.
            fileId = resumed ? await api.FindUploadedAsync(part.FileName, cancellationToken).ConfigureAwait(false) : null;
            if (fileId is null)
            {
                var content = store.Input(part.JobId, part.Round, part.Part)
                    ?? throw new InvalidOperationException($"batch part {part.FileName} has neither an input file nor its JSONL in {store.DatabasePath}");
                fileId = await api.UploadAsync(new BatchFile(part.CustomIds, content, part.Tokens), part.FileName, cancellationToken).ConfigureAwait(false);
                uploadedNow = true;
            }

            Step(BatchStep.Uploaded, part);
            span.Event(TelemetryNames.UploadedEvent, (TelemetryNames.InputFileId, fileId), (TelemetryNames.Recovered, !uploadedNow));
            store.RecordInputFile(part.JobId, part.Round, part.Part, fileId);
            Step(BatchStep.FileRecorded, part);
        }

        // A batch created over this file before a kill kept its id from the store is found, never created again.
        var found = resumed && !uploadedNow ? await api.FindBatchAsync(fileId, cancellationToken).ConfigureAwait(false) : null;
        var batch = found ?? await api.CreateAsync(fileId, completionWindow, metadata: null, cancellationToken).ConfigureAwait(false);
        span.Tag(TelemetryNames.BatchId, batch.Id);
        span.Event(TelemetryNames.CreatedEvent, (TelemetryNames.BatchStatus, batch.Status), (TelemetryNames.Recovered, found is not null));
        Step(BatchStep.Created, part);
        store.RecordBatch(part.JobId, part.Round, part.Part, batch.Id, batch.Status);
        Step(BatchStep.BatchRecorded, part);
    }

    private async Task<IReadOnlyList<BatchAnswer>> DownloadAsync(StoredBatchPart part, BatchObject batch, CancellationToken cancellationToken)
    {
        var output = batch.OutputFileId is { } o ? await api.DownloadAsync(o, cancellationToken).ConfigureAwait(false) : null;
        Step(BatchStep.OutputDownloaded, part);
        var errors = batch.ErrorFileId is { } e ? await api.DownloadAsync(e, cancellationToken).ConfigureAwait(false) : null;
        var answers = BatchResults.Match(batch, part.CustomIds, output, errors);
        store.CompleteDownload(part.JobId, part.Round, part.Part, batch.Id, answers.Select(a => a.ToStored()).ToList());
        Step(BatchStep.Downloaded, part);
        return answers;
    }

    /// <summary>A failed batch's reason in one line: the first validation error, with its line when the service names one.</summary>
    private static string? Failure(BatchObject batch) =>
        batch.Status == BatchStatuses.Failed
            ? batch.Errors?.Data is { Count: > 0 } data
                ? $"{data[0].Code}: {data[0].Message}{(data[0].Line is { } line ? $" (line {line})" : string.Empty)}{(data.Count > 1 ? $" and {data.Count - 1} more" : string.Empty)}"
                : "batch failed validation"
            : null;

    private void Step(BatchStep step, StoredBatchPart part) => AfterStep?.Invoke(step, part);
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Summarizer.Core.Batch;
using Summarizer.Core.Engines;
using Summarizer.Core.Stages;
using Summarizer.Core.Store;

namespace Summarizer.Core.Scheduling;

/// <summary>
/// Runs a job's calls through provider batches, one round at a time. The job's graph is replayed from the start on
/// every round: cached answers resolve at once, calls whose batch line came back are answered from it (the connector
/// reads the service's own response body, and the stage validates and caches it as for a realtime answer), and every
/// other ready call is captured, with the exact request the realtime path would send, for the next batch. A line that
/// failed (error file, 429/500) is captured again once; failing twice ends its item with the reason. A line its batch
/// never ran (expired, cancelled) is captured again without using that retry, up to three submissions in all.
/// </summary>
public sealed class BatchScheduler : ICallScheduler, IBatchExchange
{
    /// <summary>The most times one line is submitted: once, again after a failure, and once more when a batch never ran it.</summary>
    private const int MaxSubmissions = 3;

    private readonly Dictionary<string, (StoredBatchAnswer Answer, int Round)> _answers;
    private readonly Dictionary<string, int> _submitted;
    private readonly Dictionary<string, int> _ran = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BatchCall> _captured = new(StringComparer.Ordinal);
    private readonly BatchStore _store;
    private readonly string _jobId;
    private readonly string _requestUrl;
    private readonly string _model;

    /// <summary>Initializes a new instance of the <see cref="BatchScheduler"/> class from what the store holds of the job's batches.</summary>
    /// <param name="store">The job's batch store.</param>
    /// <param name="jobId">The job.</param>
    /// <param name="requestUrl">The url batch lines name (<see cref="BatchApi.RequestUrl"/>).</param>
    /// <param name="model">The model or batch deployment lines name (<see cref="BatchApi.Model"/>).</param>
    public BatchScheduler(BatchStore store, string jobId, string requestUrl, string model)
    {
        (_store, _jobId, _requestUrl, _model) = (store, jobId, requestUrl, model);
        var parts = store.Parts(jobId);
        _submitted = parts.SelectMany(p => p.CustomIds).GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        _answers = new Dictionary<string, (StoredBatchAnswer, int)>(StringComparer.Ordinal);
        foreach (var round in parts.Select(p => p.Round).Distinct().Order())
        {
            // A later round's answer to a resubmitted line replaces the earlier failure.
            foreach (var answer in store.Answers(jobId, round))
            {
                _answers[answer.CustomId] = (answer, round);
                if (answer.Outcome != BatchOutcomes.Missing)
                {
                    _ran[answer.CustomId] = _ran.GetValueOrDefault(answer.CustomId) + 1;
                }
            }
        }

        LatestRound = parts.Count == 0 ? 0 : parts.Max(p => p.Round);
    }

    /// <summary>Gets the last round submitted for the job (0 before the first).</summary>
    public int LatestRound { get; }

    /// <summary>Gets the calls captured for the next batch, by id, in the order their lines are written.</summary>
    public IReadOnlyList<BatchCall> Captured => [.. _captured.Values.OrderBy(c => c.CustomId, StringComparer.Ordinal)];

    /// <summary>Gets how many captured calls resubmit a line that failed before.</summary>
    public int Resubmitted => _captured.Keys.Count(_submitted.ContainsKey);

    /// <inheritdoc />
    public async Task<T> SendAsync<T>(StageCall stageCall, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        BatchTransportHandler.Exchange = this;
        try
        {
            return await send(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (CallDeferredException.In(ex) is { } deferred && !ReferenceEquals(deferred, ex))
        {
            // Semantic Kernel and the SDK may wrap what the transport threw; the pipeline waits on the deferral itself.
            throw deferred;
        }
    }

    /// <inheritdoc />
    public BatchReply? Reply(string callId)
    {
        if (!_answers.TryGetValue(callId, out var found))
        {
            return null;
        }

        var (answer, round) = found;
        if (answer.Outcome == BatchOutcomes.Succeeded && answer.Body is { } body)
        {
            return new BatchReply(answer.StatusCode ?? 200, body, CountedBefore: !_store.Count(_jobId, callId, round));
        }

        if (answer.StatusCode is >= 400 and < 500 and not 408 and not 429 && answer.Body is { } refused)
        {
            // The service refused the request itself (content filter, bad request): hand its error back, as realtime would.
            return new BatchReply(answer.StatusCode.Value, refused, CountedBefore: !_store.Count(_jobId, callId, round));
        }

        // A line its batch never ran (expired, cancelled, failed validation) has not used its one retry; three
        // submissions end it all the same, so a service that keeps expiring batches cannot hold the job for ever.
        var why = answer.ErrorMessage ?? answer.ErrorCode ?? answer.Outcome;
        if (_ran.GetValueOrDefault(callId) >= 2)
        {
            throw new EngineCallException($"the batch line failed twice ({why})", 422, EngineErrorCodes.BatchLineFailed);
        }

        if (_submitted.GetValueOrDefault(callId) >= MaxSubmissions)
        {
            throw new EngineCallException($"the batch line was submitted {MaxSubmissions} times without an answer ({why})", 422, EngineErrorCodes.BatchLineFailed);
        }

        return null;
    }

    /// <inheritdoc />
    public void Capture(string callId, JsonObject body)
    {
        body["model"] = _model;
        _captured[callId] = new BatchCall(callId, _requestUrl, body);
    }
}

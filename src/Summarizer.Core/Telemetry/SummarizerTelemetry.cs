using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Summarizer.Core.Telemetry;

/// <summary>
/// The one <see cref="ActivitySource"/> and <see cref="Meter"/> of the project, and where every span and measurement of
/// a job starts: job → article → stage call (<c>chat {model}</c>) spans, with Semantic Kernel's, the OpenAI SDK's and
/// HttpClient's spans below them; and the GenAI metrics plus <c>summarizer.calls</c> and <c>summarizer.quota.wait</c>.
/// Nothing is recorded unless a listener (an OpenTelemetry provider, <see cref="StageTelemetrySummary"/>) listens.
/// </summary>
/// <remarks>
/// The job and the stage travel with a call as ambient async-local state (as <c>CallSlot</c> does), because the retries
/// and quota waits they label happen deep inside Semantic Kernel's invocation, where nothing can be passed in.
/// </remarks>
public static class SummarizerTelemetry
{
    /// <summary>The spans of the project.</summary>
    public static readonly ActivitySource Source = new(TelemetryNames.Source, Version());

    /// <summary>The metrics of the project.</summary>
    public static readonly Meter Meter = new(TelemetryNames.Source, Version());

    // Bucket boundaries the GenAI conventions give for these two histograms.
    internal static readonly Histogram<long> TokenUsage = Meter.CreateHistogram(
        TelemetryNames.TokenUsageMetric, "{token}", "Measures number of input and output tokens used", null,
        new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864] });

    internal static readonly Histogram<double> OperationDuration = Meter.CreateHistogram(
        TelemetryNames.OperationDurationMetric, "s", "GenAI operation duration", null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92] });

    internal static readonly Counter<long> Calls = Meter.CreateCounter<long>(
        TelemetryNames.CallsMetric, "{call}", "Stage calls and attempts by stage and outcome (paid, reused, repaired, refused, filtered, failed, 429, retried)");

    internal static readonly Histogram<double> QuotaWait = Meter.CreateHistogram(
        TelemetryNames.QuotaWaitMetric, "s", "Time a call waited for its deployment's client-side quota", null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0, 0.01, 0.1, 0.5, 1, 2, 5, 10, 30, 60] });

    private static readonly AsyncLocal<string?> AmbientJob = new();
    private static readonly AsyncLocal<string?> AmbientStage = new();
    private static volatile bool _includeContent;

    /// <summary>
    /// Gets or sets a value indicating whether stage-call spans carry the prompt input and the answer
    /// (<c>gen_ai.input.messages</c>, <c>gen_ai.output.messages</c>). Process-wide, like Semantic Kernel's own switch.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: no article or prompt text in any span.</value>
    public static bool IncludeContent
    {
        get => _includeContent;
        set => _includeContent = value;
    }

    /// <summary>Gets the job of the call under way in this async flow, if any.</summary>
    public static string? CurrentJob => AmbientJob.Value;

    /// <summary>Gets the stage of the call under way in this async flow, if any.</summary>
    public static string? CurrentStage => AmbientStage.Value;

    /// <summary>Starts a job's span (the root of its trace); the id is set by <see cref="TelemetrySpan.Identify"/> once known.</summary>
    public static TelemetrySpan StartJob(string? jobId, string? parent)
    {
        var activity = Source.StartActivity("summarizer.job", ActivityKind.Internal);
        activity?.SetTag(TelemetryNames.JobParent, parent);
        var span = new TelemetrySpan(activity);
        if (jobId is not null)
        {
            span.Identify(jobId);
        }

        return span;
    }

    /// <summary>Starts an article's span, a child of the job's.</summary>
    public static TelemetrySpan StartArticle(string articleId, int chunks)
    {
        var activity = Source.StartActivity("summarizer.article", ActivityKind.Internal);
        activity?.SetTag(TelemetryNames.JobId, CurrentJob);
        activity?.SetTag(TelemetryNames.ArticleId, TelemetryText.Identifier(articleId, IncludeContent));
        activity?.SetTag(TelemetryNames.Chunks, chunks);
        return new TelemetrySpan(activity);
    }

    /// <summary>
    /// Starts a stage call's span, <c>chat {model}</c>, and makes <paramref name="call"/>'s stage the ambient one until
    /// the calling async method returns.
    /// </summary>
    public static StageCallSpan StartStageCall(StageCallFacts call)
    {
        ArgumentNullException.ThrowIfNull(call);
        AmbientStage.Value = call.Stage;
        var activity = Source.StartActivity($"{TelemetryNames.ChatOperation} {call.Model}", ActivityKind.Client);
        return new StageCallSpan(activity, call, CurrentJob);
    }

    /// <summary>
    /// Starts a batch round's span, a child of the job's: the submission of a round's calls, or one poll of (or the wait
    /// for) a round submitted before; the batches it touches are its children.
    /// </summary>
    /// <param name="round">The round (1 first).</param>
    /// <param name="calls">The calls submitted, or the lines of the round polled.</param>
    /// <param name="action"><see cref="TelemetryNames.SubmitAction"/>, <see cref="TelemetryNames.PollAction"/> or <see cref="TelemetryNames.WaitAction"/>.</param>
    public static TelemetrySpan StartRound(int round, int calls, string action)
    {
        var activity = Source.StartActivity("summarizer.batch.round", ActivityKind.Internal);
        activity?.SetTag(TelemetryNames.JobId, CurrentJob);
        activity?.SetTag(TelemetryNames.Round, round);
        activity?.SetTag(TelemetryNames.Lines, calls);
        activity?.SetTag(TelemetryNames.BatchAction, action);
        return new TelemetrySpan(activity);
    }

    /// <summary>
    /// Starts the span of one provider batch (one JSONL file) of a round, while it is submitted or when its status has
    /// changed; the steps (uploaded, created, status changes, downloaded) go in as events. The batch id is set with
    /// <see cref="TelemetrySpan.Tag"/> once the service has given one.
    /// </summary>
    public static TelemetrySpan StartBatch(string? batchId, int round, int lines)
    {
        var activity = Source.StartActivity("summarizer.batch", ActivityKind.Client);
        activity?.SetTag(TelemetryNames.JobId, CurrentJob);
        activity?.SetTag(TelemetryNames.BatchId, batchId);
        activity?.SetTag(TelemetryNames.Round, round);
        activity?.SetTag(TelemetryNames.Lines, lines);
        return new TelemetrySpan(activity);
    }

    /// <summary>Counts an attempt answered 429.</summary>
    public static void Throttled() => Count(CurrentStage, TelemetryOutcomes.Throttled);

    /// <summary>Counts a retry, with what it follows (<c>429</c>, <c>HTTP 503</c>, <c>timeout</c>) as an event on the current span.</summary>
    public static void Retried(string cause, TimeSpan delay)
    {
        Count(CurrentStage, TelemetryOutcomes.Retried);

        // On the stage call's span, not on whatever library span is current deep inside the kernel's invocation.
        var span = Activity.Current;
        while (span is not null && span.Source != Source)
        {
            span = span.Parent;
        }

        span?.AddEvent(new ActivityEvent("summarizer.retry", tags: new ActivityTagsCollection
        {
            ["summarizer.retry.cause"] = cause,
            ["summarizer.retry.delay_s"] = delay.TotalSeconds,
        }));
    }

    /// <summary>Records how long a call waited for a deployment's client-side quota.</summary>
    public static void QuotaWaited(string deployment, TimeSpan wait) => QuotaWait.Record(
        Math.Max(0, wait.TotalSeconds),
        new KeyValuePair<string, object?>(TelemetryNames.Stage, CurrentStage ?? "none"),
        new KeyValuePair<string, object?>(TelemetryNames.Deployment, deployment),
        new KeyValuePair<string, object?>(TelemetryNames.JobId, CurrentJob));

    internal static void Identify(string jobId) => AmbientJob.Value = jobId;

    internal static void Count(string? stage, string outcome) => Calls.Add(
        1,
        new KeyValuePair<string, object?>(TelemetryNames.Stage, stage ?? "none"),
        new KeyValuePair<string, object?>(TelemetryNames.Outcome, outcome),
        new KeyValuePair<string, object?>(TelemetryNames.JobId, CurrentJob));

    private static string Version() =>
        typeof(SummarizerTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}

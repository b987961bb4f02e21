namespace Summarizer.Core.Telemetry;

/// <summary>
/// The names spans and metrics carry: the OpenTelemetry GenAI semantic conventions' own (<c>gen_ai.*</c>,
/// <c>error.type</c>), exactly as the conventions spell them, and the project's (<c>summarizer.*</c>).
/// </summary>
public static class TelemetryNames
{
    /// <summary>The name of the project's <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string Source = "Summarizer";

    /// <summary>The GenAI operation every stage call is: <c>chat</c> (span name <c>chat {gen_ai.request.model}</c>).</summary>
    public const string ChatOperation = "chat";

    /// <summary>The GenAI attribute naming the operation.</summary>
    public const string OperationName = "gen_ai.operation.name";

    /// <summary>The GenAI attribute naming the provider (it replaced <c>gen_ai.system</c> in semantic conventions 1.37).</summary>
    public const string ProviderName = "gen_ai.provider.name";

    /// <summary>The GenAI attribute naming the model asked for (the deployment's model for Azure).</summary>
    public const string RequestModel = "gen_ai.request.model";

    /// <summary>The GenAI attribute naming the model that answered.</summary>
    public const string ResponseModel = "gen_ai.response.model";

    /// <summary>The GenAI attribute holding the output limit sent.</summary>
    public const string RequestMaxTokens = "gen_ai.request.max_tokens";

    /// <summary>The GenAI attribute holding the temperature sent.</summary>
    public const string RequestTemperature = "gen_ai.request.temperature";

    /// <summary>The GenAI attribute listing why each answer stopped.</summary>
    public const string ResponseFinishReasons = "gen_ai.response.finish_reasons";

    /// <summary>The GenAI attribute counting prompt tokens.</summary>
    public const string UsageInputTokens = "gen_ai.usage.input_tokens";

    /// <summary>The GenAI attribute counting answer tokens.</summary>
    public const string UsageOutputTokens = "gen_ai.usage.output_tokens";

    /// <summary>The GenAI attribute holding the messages sent (opt-in content).</summary>
    public const string InputMessages = "gen_ai.input.messages";

    /// <summary>The GenAI attribute holding the answer received (opt-in content).</summary>
    public const string OutputMessages = "gen_ai.output.messages";

    /// <summary>The attribute of <see cref="TokenUsageMetric"/> telling input from output tokens.</summary>
    public const string TokenType = "gen_ai.token.type";

    /// <summary>The general attribute naming the class of error an operation ended with.</summary>
    public const string ErrorType = "error.type";

    /// <summary>The GenAI histogram of tokens per call (unit <c>{token}</c>).</summary>
    public const string TokenUsageMetric = "gen_ai.client.token.usage";

    /// <summary>The GenAI histogram of call durations (unit <c>s</c>).</summary>
    public const string OperationDurationMetric = "gen_ai.client.operation.duration";

    /// <summary>The project's counter of stage calls by <see cref="Stage"/> and <see cref="Outcome"/>.</summary>
    public const string CallsMetric = "summarizer.calls";

    /// <summary>The project's histogram of time spent waiting for the client-side quota (unit <c>s</c>).</summary>
    public const string QuotaWaitMetric = "summarizer.quota.wait";

    /// <summary>The attribute naming the stage (<c>translate</c>, <c>summarize</c>, <c>merge</c>, <c>brief</c>).</summary>
    public const string Stage = "summarizer.stage";

    /// <summary>The attribute naming what became of a call (see <see cref="TelemetryOutcomes"/>).</summary>
    public const string Outcome = "summarizer.outcome";

    /// <summary>The attribute naming the job.</summary>
    public const string JobId = "summarizer.job.id";

    /// <summary>The attribute naming the job a re-run re-runs.</summary>
    public const string JobParent = "summarizer.job.parent";

    /// <summary>The attribute naming the article.</summary>
    public const string ArticleId = "summarizer.article.id";

    /// <summary>The attribute counting an article's chunks.</summary>
    public const string Chunks = "summarizer.article.chunks";

    /// <summary>The attribute holding a job's or article's final status (<c>done</c>, <c>partial</c>, <c>failed</c>, …).</summary>
    public const string Status = "summarizer.status";

    /// <summary>The attribute naming the prompt version a stage call used.</summary>
    public const string PromptVersion = "summarizer.prompt.version";

    /// <summary>The attribute naming the deployment of a pool a quota wait was for.</summary>
    public const string Deployment = "summarizer.deployment";

    /// <summary>The attribute numbering a batch round.</summary>
    public const string Round = "summarizer.batch.round";

    /// <summary>The attribute naming a provider's batch.</summary>
    public const string BatchId = "summarizer.batch.id";

    /// <summary>The attribute counting a round's calls or a batch file's lines.</summary>
    public const string Lines = "summarizer.batch.lines";

    /// <summary>The attribute holding a batch's status when it changes.</summary>
    public const string BatchStatus = "summarizer.batch.status";

    /// <summary>The attribute holding the status a batch had before it changed.</summary>
    public const string PreviousBatchStatus = "summarizer.batch.previous_status";

    /// <summary>The attribute telling what a round's span did: <see cref="SubmitAction"/>, <see cref="PollAction"/> or <see cref="WaitAction"/>.</summary>
    public const string BatchAction = "summarizer.batch.action";

    /// <summary>A round's calls were submitted as batches.</summary>
    public const string SubmitAction = "submit";

    /// <summary>A round submitted before was polled once.</summary>
    public const string PollAction = "poll";

    /// <summary>A round submitted before was polled until it ended.</summary>
    public const string WaitAction = "wait";

    /// <summary>The attribute naming an uploaded input file.</summary>
    public const string InputFileId = "summarizer.batch.input_file_id";

    /// <summary>The attribute counting resubmitted lines.</summary>
    public const string Resubmitted = "summarizer.batch.resubmitted";

    /// <summary>The attribute counting calls left for a later submission by the enqueued-token bound.</summary>
    public const string Deferred = "summarizer.batch.deferred";

    /// <summary>The attribute counting a downloaded batch's lines answered.</summary>
    public const string Succeeded = "summarizer.batch.succeeded";

    /// <summary>The attribute counting a downloaded batch's lines failed or never run.</summary>
    public const string Failed = "summarizer.batch.failed";

    /// <summary>The event of a round whose calls were submitted.</summary>
    public const string RoundSubmittedEvent = "summarizer.batch.round.submitted";

    /// <summary>The event of an input file uploaded (or found uploaded by an earlier process).</summary>
    public const string UploadedEvent = "summarizer.batch.uploaded";

    /// <summary>The event of a batch created (or found created by an earlier process), with its first status.</summary>
    public const string CreatedEvent = "summarizer.batch.created";

    /// <summary>The event of a batch's status changing between polls.</summary>
    public const string StatusEvent = "summarizer.batch.status_changed";

    /// <summary>The event of an ended batch's output and error files downloaded and matched.</summary>
    public const string DownloadedEvent = "summarizer.batch.downloaded";

    /// <summary>The attribute telling whether a step was found done by an earlier process instead of done now.</summary>
    public const string Recovered = "summarizer.batch.recovered";
}

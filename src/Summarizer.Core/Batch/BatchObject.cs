using System.Text.Json.Serialization;

namespace Summarizer.Core.Batch;

/// <summary>
/// The batch object of the Batch API (<c>"object":"batch"</c>), as <c>POST /batches</c>, <c>GET /batches/{id}</c> and
/// <c>POST /batches/{id}/cancel</c> return it. The served SDK reads it only at protocol level, so it is typed here.
/// Times are Unix seconds.
/// </summary>
public sealed record BatchObject
{
    /// <summary>Gets the batch id (<c>batch_…</c>).</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the object type, always <c>batch</c>.</summary>
    [JsonPropertyName("object")]
    public string ObjectType { get; init; } = "batch";

    /// <summary>Gets the endpoint every line calls (<c>/chat/completions</c> or <c>/v1/chat/completions</c>).</summary>
    public string Endpoint { get; init; } = string.Empty;

    /// <summary>Gets the id of the uploaded JSONL input file.</summary>
    public string InputFileId { get; init; } = string.Empty;

    /// <summary>Gets the id of the file of answered lines, once the batch has ended.</summary>
    public string? OutputFileId { get; init; }

    /// <summary>Gets the id of the file of failed lines, once the batch has ended.</summary>
    public string? ErrorFileId { get; init; }

    /// <summary>Gets the completion window (<c>24h</c>).</summary>
    public string CompletionWindow { get; init; } = string.Empty;

    /// <summary>Gets the status (see <see cref="BatchStatuses"/>).</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>Gets how many lines the batch holds, answered and failed.</summary>
    public BatchRequestCounts? RequestCounts { get; init; }

    /// <summary>Gets why a batch failed validation, per line where the service says which.</summary>
    public BatchErrors? Errors { get; init; }

    /// <summary>Gets when the batch was created.</summary>
    public long CreatedAt { get; init; }

    /// <summary>Gets when the batch expires if not done.</summary>
    public long? ExpiresAt { get; init; }

    /// <summary>Gets when the batch started running.</summary>
    public long? InProgressAt { get; init; }

    /// <summary>Gets when the batch started writing its results.</summary>
    public long? FinalizingAt { get; init; }

    /// <summary>Gets when the batch completed.</summary>
    public long? CompletedAt { get; init; }

    /// <summary>Gets when the batch failed.</summary>
    public long? FailedAt { get; init; }

    /// <summary>Gets when the batch expired.</summary>
    public long? ExpiredAt { get; init; }

    /// <summary>Gets when cancelling began.</summary>
    public long? CancellingAt { get; init; }

    /// <summary>Gets when the batch was cancelled.</summary>
    public long? CancelledAt { get; init; }

    /// <summary>Gets the metadata given at creation.</summary>
    public Dictionary<string, string>? Metadata { get; init; }
}

/// <summary>The batch's <c>request_counts</c>.</summary>
/// <param name="Total">The lines in the input file.</param>
/// <param name="Completed">The lines answered.</param>
/// <param name="Failed">The lines that failed.</param>
public sealed record BatchRequestCounts(int Total, int Completed, int Failed);

/// <summary>The batch's <c>errors</c>: <c>{"object":"list","data":[…]}</c>.</summary>
/// <param name="ObjectType">The object type (<c>object</c>), <c>list</c>.</param>
/// <param name="Data">The errors.</param>
public sealed record BatchErrors([property: JsonPropertyName("object")] string? ObjectType, IReadOnlyList<BatchError>? Data);

/// <summary>One validation error of a batch: <c>{"code","message","param","line"}</c>.</summary>
/// <param name="Code">The error code.</param>
/// <param name="Message">The service's message.</param>
/// <param name="Param">The parameter at fault, if any.</param>
/// <param name="Line">The 1-based line of the input file at fault, if any.</param>
public sealed record BatchError(string? Code, string? Message, string? Param, int? Line);

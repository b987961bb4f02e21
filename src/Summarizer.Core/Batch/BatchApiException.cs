namespace Summarizer.Core.Batch;

/// <summary>The Batch or Files API refused a request or could not be reached; the message is one line naming the operation and the service's reason.</summary>
public sealed class BatchApiException : Exception
{
    private const string Prefix = "batch API: ";

    /// <summary>Initializes a new instance of the <see cref="BatchApiException"/> class.</summary>
    public BatchApiException(string message, int status, Exception? inner = null)
        : base(message, inner) => Status = status;

    /// <summary>Gets the HTTP status the service answered, 0 when none came.</summary>
    public int Status { get; }

    /// <summary>Gets the job whose round the request was for, once known.</summary>
    public string? JobId { get; private init; }

    /// <summary>
    /// The same failure named after the job it stopped, with what to run next: every step before it is in the store,
    /// so resuming continues from there without sending anything twice.
    /// </summary>
    public BatchApiException InJob(string jobId) => JobId is not null ? this : new(
        $"batch API (job {jobId}): {(Message.StartsWith(Prefix, StringComparison.Ordinal) ? Message[Prefix.Length..] : Message)}. 'summarizer resume {jobId}' continues where it stopped",
        Status,
        this)
    {
        JobId = jobId,
    };
}

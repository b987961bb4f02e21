namespace Summarizer.Core.Batch;

/// <summary>The Batch or Files API refused a request or could not be reached; the message is one line naming the operation and the service's reason.</summary>
public sealed class BatchApiException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="BatchApiException"/> class.</summary>
    public BatchApiException(string message, int status, Exception? inner = null)
        : base(message, inner) => Status = status;

    /// <summary>Gets the HTTP status the service answered, 0 when none came.</summary>
    public int Status { get; }
}

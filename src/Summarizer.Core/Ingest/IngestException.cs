namespace Summarizer.Core.Ingest;

/// <summary>Thrown inside ingest when a file must be rejected; caught by <see cref="ArticleIngestor"/>.</summary>
internal sealed class IngestException(RejectionReason reason, string message) : Exception(message)
{
    public RejectionReason Reason { get; } = reason;
}

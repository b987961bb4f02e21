namespace Summarizer.Core.Ingest;

/// <summary>The outcome of ingesting one article from one file: an article, or a rejection with its reason.</summary>
public sealed record IngestResult
{
    private IngestResult(string path, string id, Article? article, RejectionReason? reason, string? message)
    {
        Path = path;
        Id = id;
        Article = article;
        Reason = reason;
        Message = message;
    }

    /// <summary>Gets the file the result is about.</summary>
    public string Path { get; }

    /// <summary>Gets the article id (also given to rejected files, so reports can name them).</summary>
    public string Id { get; }

    /// <summary>Gets the article, or <see langword="null"/> when the file was rejected.</summary>
    public Article? Article { get; }

    /// <summary>Gets the reason for a rejection.</summary>
    public RejectionReason? Reason { get; }

    /// <summary>Gets a one-line, human-readable explanation of a rejection.</summary>
    public string? Message { get; }

    /// <summary>Gets a value indicating whether the file became an article.</summary>
    public bool IsAccepted => Article is not null;

    /// <summary>Creates an accepted result.</summary>
    public static IngestResult Accepted(Article article) => new(article.Path, article.Id, article, null, null);

    /// <summary>Creates a rejected result.</summary>
    public static IngestResult Rejected(string path, string id, RejectionReason reason, string message) =>
        new(path, id, null, reason, message);

    /// <summary>Returns the same result under another article id.</summary>
    public IngestResult WithId(string id) =>
        new(Path, id, Article is null ? null : Article with { Id = id }, Reason, Message);

    /// <summary>
    /// Formats the rejection as the one line the tool prints: <c>path: rejected: reason</c>, the path and reason passed
    /// through <see cref="PrintableText"/> so a file name can never break the line or act on the terminal.
    /// </summary>
    public override string ToString() => IsAccepted
        ? $"{PrintableText.Escape(Path)}: ok"
        : $"{PrintableText.Escape(Path)}: rejected: {PrintableText.Escape(Message)}";
}

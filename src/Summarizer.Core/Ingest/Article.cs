namespace Summarizer.Core.Ingest;

/// <summary>An ingested article: normalised body text plus what was learnt about it.</summary>
/// <param name="Id">The article id: a slug of the file name (with an index for JSON arrays).</param>
/// <param name="Path">The file the article came from.</param>
/// <param name="Title">The headline, or an empty string when none was found.</param>
/// <param name="Text">The normalised body text; sentence offsets point into it.</param>
public sealed record Article(string Id, string Path, string Title, string Text)
{
    /// <summary>Gets the source named by the article (for example from a <c>المصدر:</c> line).</summary>
    public string? Source { get; init; }

    /// <summary>Gets the section label printed above the headline, such as <c>سياسة</c>.</summary>
    public string? Section { get; init; }

    /// <summary>Gets the publication date as given by the input, unparsed.</summary>
    public string? Published { get; init; }

    /// <summary>Gets the input format: txt, md, html or json.</summary>
    public string Format { get; init; } = "txt";

    /// <summary>Gets the name of the encoding the bytes were decoded from.</summary>
    public string Encoding { get; init; } = "utf-8";

    /// <summary>Gets the lines removed as boilerplate or taken as metadata, in order.</summary>
    public IReadOnlyList<RemovedLine> RemovedLines { get; init; } = [];
}

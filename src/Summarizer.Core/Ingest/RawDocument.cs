namespace Summarizer.Core.Ingest;

/// <summary>What a format reader extracts from a file before normalisation and clean-up.</summary>
/// <param name="Body">The body text, paragraphs separated by blank lines.</param>
/// <param name="Format">The input format: txt, md, html or json.</param>
public sealed record RawDocument(string Body, string Format)
{
    /// <summary>Gets the title the format itself declares (HTML h1 or title, JSON title).</summary>
    public string? Title { get; init; }

    /// <summary>Gets the source the format itself declares (JSON source).</summary>
    public string? Source { get; init; }

    /// <summary>Gets the publication date the format itself declares (JSON published).</summary>
    public string? Published { get; init; }

    /// <summary>Gets the suffix that tells apart several documents of one file (JSON arrays), or <see langword="null"/>.</summary>
    public string? IdSuffix { get; init; }
}

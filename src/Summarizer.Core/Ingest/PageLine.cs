namespace Summarizer.Core.Ingest;

/// <summary>One line of a page while ingest sorts it: article text, junk (with the rule that removed it) or metadata.</summary>
/// <param name="Number">The 1-based line number in the extracted text.</param>
/// <param name="Text">The line, trimmed.</param>
internal sealed record PageLine(int Number, string Text)
{
    /// <summary>Gets or sets the rule that removed the line, or <see langword="null"/> while it is kept.</summary>
    public string? RemovedBy { get; set; }

    /// <summary>Gets or sets a value indicating whether the line became metadata (headline, section, source): not text, not junk.</summary>
    public bool IsMetadata { get; set; }

    /// <summary>Gets a value indicating whether the line is still article text.</summary>
    public bool IsKept => Text.Length > 0 && RemovedBy is null && !IsMetadata;
}

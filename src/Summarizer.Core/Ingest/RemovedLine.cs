namespace Summarizer.Core.Ingest;

/// <summary>A line taken out of an article during ingest, and the rule that took it.</summary>
/// <param name="LineNumber">The 1-based line number in the extracted text before removal.</param>
/// <param name="Text">The line as it was removed.</param>
/// <param name="Rule">The name of the rule, or the metadata field the line became.</param>
public sealed record RemovedLine(int LineNumber, string Text, string Rule);

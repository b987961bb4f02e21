namespace Summarizer.Testing.PageAnnotations;

/// <summary>
/// A scraped page with what a careful editor says about it: where each article sentence ends, which lines are page junk
/// (or metadata such as a source line), and which line, if any, is the headline.
/// </summary>
/// <param name="Name">The page name shown in reports.</param>
/// <param name="Text">The page text as ingest sees it, already normalised; offsets and line numbers point into it.</param>
/// <param name="TitleLine">The 1-based line that holds the headline, or <see langword="null"/> when the page has none.</param>
/// <param name="SentenceEnds">The offsets just past the last character of each article sentence.</param>
/// <param name="JunkLines">The 1-based lines that must not reach the article text.</param>
public sealed record AnnotatedPage(string Name, string Text, int? TitleLine, IReadOnlySet<int> SentenceEnds, IReadOnlySet<int> JunkLines)
{
    /// <summary>Gets the page split into lines (no line ends).</summary>
    public IReadOnlyList<string> Lines { get; } = Text.Split('\n');

    /// <summary>Gets the expected headline: the title line trimmed, or an empty string.</summary>
    public string ExpectedTitle => TitleLine is { } line ? Lines[line - 1].Trim() : string.Empty;

    /// <summary>True for a line of article text: not blank, not junk, not the headline.</summary>
    public bool IsBodyLine(int line) =>
        line != TitleLine && !JunkLines.Contains(line) && Lines[line - 1].Trim().Length > 0;
}

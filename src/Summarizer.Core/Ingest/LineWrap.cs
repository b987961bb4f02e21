namespace Summarizer.Core.Ingest;

/// <summary>
/// Recognises hard-wrapped text: agency copy and e-mailed releases break every line at about the same width, wherever
/// the sentence happens to be, so there a line end is not a sentence end. Ingest and segmentation share this one test.
/// </summary>
public static class LineWrap
{
    /// <summary>The widest line, in characters, that can still be a wrap width; longer lines are paragraphs.</summary>
    public const int MaxWrapWidth = 120;

    /// <summary>How many lines must run on into the next at about the same width before the text counts as wrapped.</summary>
    public const int MinWrappedLines = 3;

    /// <summary>The share of the wrap width a line must reach to count as broken by the wrap, not by the writer.</summary>
    public const double MinShareOfWidth = 0.7;

    /// <summary>The fewest words (tokens with a letter) of a line that can count towards a wrap.</summary>
    public const int MinWordsPerLine = 4;

    private const string Terminators = ".!?؟؛…:";

    /// <summary>The conjunction that opens most Arabic news sentences (وقال، وأضاف، وكانت).</summary>
    private const char ClauseConjunction = 'و';

    /// <summary>
    /// Returns the wrap width of the lines, or <see langword="null"/> when they are not hard-wrapped: of the lines that run
    /// on into a next line without closing punctuation, at least <see cref="MinWrappedLines"/> and two in three are within
    /// <see cref="MinShareOfWidth"/> of the widest of them, and that one is no wider than <see cref="MaxWrapWidth"/>.
    /// A list of short lines (related headlines, menus) varies too much in length to pass for a wrap; text with lines wider
    /// than the width (fewer than half as many as the lines near it) is not wrapped there; and at least half the lines near
    /// the width must run on into a line that does not open with و, or it is one unpunctuated sentence per line.
    /// </summary>
    public static int? Width(IReadOnlyList<string> lines) => Width(lines.Count, i => lines[i]);

    /// <summary>Returns the wrap width of the lines of <paramref name="text"/> (see <see cref="Width(IReadOnlyList{string})"/>).</summary>
    public static int? Width(string text, IReadOnlyList<(int Start, int End)> lines) => Width(lines.Count, i => text.AsSpan(lines[i].Start, lines[i].End - lines[i].Start));

    private static int? Width(int count, LineAt lineAt)
    {
        var runOn = new List<(int Length, bool NextOpensClause)>();
        var lengths = new int[count];
        for (var i = 0; i < count; i++)
        {
            var line = lineAt(i).Trim();
            lengths[i] = line.Length;

            // Menu labels, dates and counters run on into the next line too, but they are not prose: only lines of words count.
            if (line.Length > 0 && i + 1 < count && !lineAt(i + 1).IsWhiteSpace() && !Terminators.Contains(line[^1])
                && PageWords.Count(line, lettersOnly: true, MinWordsPerLine) >= MinWordsPerLine)
            {
                runOn.Add((line.Length, lineAt(i + 1).TrimStart().StartsWith(ClauseConjunction)));
            }
        }

        if (runOn.Count < MinWrappedLines)
        {
            return null;
        }

        var width = runOn.Max(l => l.Length);
        var near = runOn.Where(l => l.Length >= width * MinShareOfWidth).ToList();
        var wider = lengths.Count(l => l > width);

        // One unpunctuated sentence per line looks like a wrap by its lengths, but nearly every next line opens a clause
        // with و; a wrap breaks wherever the width falls, so most of its next lines start mid-sentence.
        var midSentence = near.Count(l => !l.NextOpensClause);
        return width <= MaxWrapWidth && near.Count >= MinWrappedLines && near.Count * 3 >= runOn.Count * 2 && wider * 2 < near.Count
            && midSentence * 2 >= near.Count
            ? width
            : null;
    }

    /// <summary>True when the line break after <paramref name="line"/> was made by the wrap: the sentence runs on into <paramref name="next"/>.</summary>
    public static bool RunsOn(ReadOnlySpan<char> line, ReadOnlySpan<char> next, int? width)
    {
        if (width is not { } w || next.IsWhiteSpace())
        {
            return false;
        }

        var trimmed = line.Trim();
        return trimmed.Length >= w * MinShareOfWidth && trimmed.Length <= w && !Terminators.Contains(trimmed[^1]);
    }

    private delegate ReadOnlySpan<char> LineAt(int index);
}

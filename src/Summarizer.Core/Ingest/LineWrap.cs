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

    /// <summary>
    /// Returns the wrap width of the lines, or <see langword="null"/> when they are not hard-wrapped: of the lines that run
    /// on into a next line without closing punctuation, at least <see cref="MinWrappedLines"/> and two in three are within
    /// <see cref="MinShareOfWidth"/> of the widest of them, and that one is no wider than <see cref="MaxWrapWidth"/>.
    /// A list of short lines (related headlines, menus) varies too much in length to pass for a wrap, and text with lines
    /// wider than the width (fewer than half as many as the lines near it) is not wrapped there.
    /// </summary>
    public static int? Width(IReadOnlyList<string> lines) => Width(lines.Count, i => lines[i]);

    /// <summary>Returns the wrap width of the lines of <paramref name="text"/> (see <see cref="Width(IReadOnlyList{string})"/>).</summary>
    public static int? Width(string text, IReadOnlyList<(int Start, int End)> lines) => Width(lines.Count, i => text.AsSpan(lines[i].Start, lines[i].End - lines[i].Start));

    private static int? Width(int count, LineAt lineAt)
    {
        var runOn = new List<int>();
        var lengths = new int[count];
        for (var i = 0; i < count; i++)
        {
            var line = lineAt(i).Trim();
            lengths[i] = line.Length;

            // Menu labels, dates and counters run on into the next line too, but they are not prose: only lines of words count.
            if (line.Length > 0 && i + 1 < count && !lineAt(i + 1).IsWhiteSpace() && !Terminators.Contains(line[^1])
                && PageWords.Count(line, lettersOnly: true) >= MinWordsPerLine)
            {
                runOn.Add(line.Length);
            }
        }

        if (runOn.Count < MinWrappedLines)
        {
            return null;
        }

        var width = runOn.Max();
        var nearWidth = runOn.Count(l => l >= width * MinShareOfWidth);
        var wider = lengths.Count(l => l > width);
        return width <= MaxWrapWidth && nearWidth >= MinWrappedLines && nearWidth * 3 >= runOn.Count * 2 && wider * 2 < nearWidth ? width : null;
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

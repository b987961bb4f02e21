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

    private const string Terminators = ".!?؟؛…:";

    /// <summary>
    /// Returns the wrap width of the lines, or <see langword="null"/> when they are not hard-wrapped: at least
    /// <see cref="MinWrappedLines"/> lines that run on into a next line without closing punctuation are within
    /// <see cref="MinShareOfWidth"/> of the widest such line, and that line is no wider than <see cref="MaxWrapWidth"/>.
    /// </summary>
    public static int? Width(IReadOnlyList<string> lines)
    {
        var runOn = new List<int>();
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length > 0 && lines[i + 1].Trim().Length > 0 && !Terminators.Contains(line[^1]))
            {
                runOn.Add(line.Length);
            }
        }

        if (runOn.Count < MinWrappedLines)
        {
            return null;
        }

        var width = runOn.Max();
        return width <= MaxWrapWidth && runOn.Count(l => l >= width * MinShareOfWidth) >= MinWrappedLines ? width : null;
    }

    /// <summary>True when the line break after <paramref name="line"/> was made by the wrap: the sentence runs on into <paramref name="next"/>.</summary>
    public static bool RunsOn(string line, string? next, int? width)
    {
        if (width is not { } w || string.IsNullOrWhiteSpace(next))
        {
            return false;
        }

        var trimmed = line.Trim();
        return trimmed.Length >= w * MinShareOfWidth && trimmed.Length <= w && !Terminators.Contains(trimmed[^1]);
    }
}

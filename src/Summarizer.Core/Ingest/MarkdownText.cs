using System.Text.RegularExpressions;

namespace Summarizer.Core.Ingest;

/// <summary>Strips Markdown syntax that is not text: heading marks, list and quote markers, emphasis, links and images.</summary>
public static partial class MarkdownText
{
    /// <summary>Returns the plain text of a Markdown document, line for line.</summary>
    public static string ToPlainText(string markdown)
    {
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = Image().Replace(lines[i], string.Empty);
            line = Link().Replace(line, "$1");
            line = BlockMarker().Replace(line, string.Empty);
            line = Emphasis().Replace(line, "$2");
            lines[i] = line;
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+(?=\S)|\d{1,3}[.)]\s+(?=\S))")]
    private static partial Regex BlockMarker();

    [GeneratedRegex(@"(\*\*|__|`)(.+?)\1")]
    private static partial Regex Emphasis();
}

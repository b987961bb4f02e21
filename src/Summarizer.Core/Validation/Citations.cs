using System.Text.RegularExpressions;

namespace Summarizer.Core.Validation;

/// <summary>Parses inline citations: <c>[s4]</c>, <c>[s4,s5]</c> in summaries and <c>[article:s4,other:s7]</c> in briefings.</summary>
public static partial class Citations
{
    /// <summary>Returns every cited source in the text, in order, as written (<c>s4</c> or <c>article:s4</c>).</summary>
    public static IReadOnlyList<string> Parse(string text) =>
        Marker().Matches(text)
            .SelectMany(m => m.Groups["list"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();

    /// <summary>Returns the text with citation markers removed (for reading and for number checks).</summary>
    public static string Strip(string text) => Marker().Replace(text, string.Empty).Replace("  ", " ", StringComparison.Ordinal).Trim();

    /// <summary>Splits <c>article:s4</c> into its article and sentence; an unqualified id has no article.</summary>
    public static (string? Article, string Sentence) Split(string source)
    {
        var colon = source.LastIndexOf(':');
        return colon < 0 ? (null, source) : (source[..colon], source[(colon + 1)..]);
    }

    /// <summary>
    /// Rewrites text for an output format: the text between markers goes through <paramref name="encode"/>, each marker
    /// through <paramref name="render"/> (a footnote, a link). The one walk every Markdown and HTML output uses.
    /// </summary>
    public static string Render(string? text, Func<string, string> encode, Func<IReadOnlyList<string>, string> render)
    {
        text ??= string.Empty;
        var builder = new System.Text.StringBuilder(text.Length);
        var position = 0;
        foreach (var (index, length, sources) in Markers(text))
        {
            builder.Append(encode(text[position..index])).Append(render(sources));
            position = index + length;
        }

        return builder.Append(encode(text[position..])).ToString();
    }

    /// <summary>Finds all citation markers, with the text span each one covers.</summary>
    public static IEnumerable<(int Index, int Length, IReadOnlyList<string> Sources)> Markers(string text) =>
        Marker().Matches(text).Select(m => (m.Index, m.Length,
            (IReadOnlyList<string>)m.Groups["list"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));

    [GeneratedRegex(@"\[(?<list>\s*(?:[\w\-]+:)?s\d+(?:\s*,\s*(?:[\w\-]+:)?s\d+)*\s*)\]")]
    private static partial Regex Marker();
}

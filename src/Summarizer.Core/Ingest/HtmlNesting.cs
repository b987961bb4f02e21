namespace Summarizer.Core.Ingest;

/// <summary>
/// Estimates how deep a page's elements nest, in one pass over the markup, before a parser sees it. HTML tree building
/// looks through the stack of open elements for nearly every tag, so parsing is quadratic in the depth: 40,000 nested
/// <c>div</c>s take seconds, the 400,000 that fit in a 2 MB file take minutes. No news page nests deeper than a few
/// dozen elements, so a page beyond <see cref="Limit"/> is rejected instead of parsed.
/// </summary>
/// <remarks>
/// Counts start tags that stay open minus their end tags. Not counted, so that ordinary pages are never overestimated:
/// void elements (<c>br</c>, <c>img</c>, …), elements HTML closes by itself (<c>p</c>, <c>li</c>, <c>td</c>, …),
/// self-closing tags inside SVG and MathML, comments, and the raw text of <c>script</c>, <c>style</c>, <c>textarea</c>
/// and <c>title</c>.
/// </remarks>
internal static class HtmlNesting
{
    /// <summary>The deepest nesting read; far above real pages, far below where parsing slows down.</summary>
    public const int Limit = 500;

    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        // Void elements.
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",

        // Closed by the next of their kind or by their parent's end, so they never pile up.
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rtc", "rp", "colgroup", "caption", "html", "head", "body",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "textarea", "title", "xmp", "noembed", "noframes" };

    /// <summary>Returns the deepest nesting of elements the markup opens.</summary>
    public static int Deepest(string html)
    {
        var notNesting = NotNesting.GetAlternateLookup<ReadOnlySpan<char>>();
        int depth = 0, deepest = 0, foreignFrom = 0, i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            if (html.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal))
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }

            var closing = html[i + 1] == '/';
            var nameStart = i + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_'))
            {
                nameEnd++;
            }

            var tagEnd = html.IndexOf('>', nameEnd);
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]) || tagEnd < 0)
            {
                // Not a tag: "< 5", "<!DOCTYPE", "<?xml", or markup cut off at the end.
                i++;
                continue;
            }

            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            if (closing)
            {
                if (!notNesting.Contains(name))
                {
                    depth = Math.Max(0, depth - 1);
                    foreignFrom = depth < foreignFrom ? 0 : foreignFrom;
                }
            }
            else if (RawText.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
            {
                var close = html.IndexOf(string.Concat("</", name), tagEnd, StringComparison.OrdinalIgnoreCase);
                tagEnd = close < 0 ? html.Length - 1 : close;
            }
            else if (!notNesting.Contains(name) && !(html[tagEnd - 1] == '/' && (foreignFrom > 0 || IsForeignRoot(name))))
            {
                depth++;
                deepest = Math.Max(deepest, depth);
                if (foreignFrom == 0 && IsForeignRoot(name))
                {
                    foreignFrom = depth;
                }
            }

            i = tagEnd + 1;
        }

        return deepest;
    }

    /// <summary>SVG and MathML: inside them (and for themselves) <c>/&gt;</c> closes a tag, as it does not in HTML.</summary>
    private static bool IsForeignRoot(ReadOnlySpan<char> name) =>
        name.Equals("svg", StringComparison.OrdinalIgnoreCase) || name.Equals("math", StringComparison.OrdinalIgnoreCase);
}

using System.Text;

namespace Summarizer.Core.Rendering;

/// <summary>Small helpers for Markdown outputs; text from articles or models is escaped so it cannot become HTML or links.</summary>
public static class MarkdownWriter
{
    /// <summary>Escapes text but renders each citation marker (<c>[s4]</c>, <c>[a:s4]</c>) through <paramref name="render"/>.</summary>
    public static string EscapeKeepingCitations(string? text, Func<IReadOnlyList<string>, string> render) =>
        Validation.Citations.Render(text, Escape, render);

    /// <summary>Escapes characters that Markdown renderers would turn into markup.</summary>
    public static string Escape(string? text)
    {
        var builder = new StringBuilder((text ?? string.Empty).Length);
        foreach (var c in text ?? string.Empty)
        {
            switch (c)
            {
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '[' or ']' or '*' or '_' or '`' or '#' or '|' or '\\':
                    builder.Append('\\').Append(c);
                    break;
                case '\n':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}

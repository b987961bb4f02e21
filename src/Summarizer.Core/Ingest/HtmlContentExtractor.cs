using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Summarizer.Core.Ingest;

/// <summary>
/// Extracts the main text of a news page with AngleSharp: drops page furniture (nav, aside, footer, scripts, forms),
/// prefers <c>article</c> or <c>main</c>, and keeps block structure as paragraphs. Nothing is executed.
/// </summary>
public sealed class HtmlContentExtractor
{
    private const string DroppedElements =
        "script, style, noscript, template, nav, aside, footer, header:not(article header), form, iframe, object, embed, svg, canvas, button, select, input, textarea, figure figcaption, [hidden], [aria-hidden=true]";

    private static readonly HashSet<string> BlockTags =
    [
        "P", "DIV", "SECTION", "ARTICLE", "MAIN", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "TR", "DD", "DT", "FIGCAPTION", "TABLE", "UL", "OL", "HR",
    ];

    /// <summary>Extracts the document.</summary>
    /// <exception cref="IngestException">The markup nests deeper than any page (see <see cref="HtmlNesting"/>).</exception>
    public RawDocument Extract(string html)
    {
        var deepest = HtmlNesting.Deepest(html);
        if (deepest > HtmlNesting.Limit)
        {
            throw new IngestException(
                RejectionReason.Unsupported,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"HTML nested {deepest:N0} elements deep (limit {HtmlNesting.Limit}): not a page that can be read in reasonable time"));
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);

        var heading = document.QuerySelector("article h1, main h1, h1");
        var title = Clean(heading?.TextContent) ?? Clean(document.Title);

        foreach (var element in document.QuerySelectorAll(DroppedElements).ToList())
        {
            element.Remove();
        }

        var root = (IElement?)document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        if (root is null)
        {
            return new RawDocument(string.Empty, "html") { Title = title };
        }

        // The headline is metadata, not body text.
        if (heading is not null && root.Contains(heading))
        {
            heading.Remove();
        }

        var builder = new StringBuilder();
        AppendText(root, builder);
        var body = string.Join("\n\n", builder.ToString()
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0));
        return new RawDocument(body, "html") { Title = title };
    }

    private static void AppendText(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(CollapseWhitespace(text.Data));
                    break;
                case IElement { TagName: "BR" }:
                    builder.Append('\n');
                    break;
                case IElement element:
                    var isBlock = BlockTags.Contains(element.TagName);
                    if (isBlock)
                    {
                        builder.Append('\n');
                    }

                    AppendText(element, builder);
                    if (isBlock)
                    {
                        builder.Append('\n');
                    }

                    break;
            }
        }
    }

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace || !lastWasSpace)
            {
                builder.Append(isSpace ? ' ' : c);
            }

            lastWasSpace = isSpace;
        }

        return builder.ToString();
    }

    private static string? Clean(string? text)
    {
        var cleaned = text is null ? null : CollapseWhitespace(text).Trim();
        return string.IsNullOrEmpty(cleaned) ? null : cleaned;
    }
}

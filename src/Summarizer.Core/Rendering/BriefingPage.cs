using Summarizer.Core.Outputs;
using System.Globalization;
using System.Text;

namespace Summarizer.Core.Rendering;

/// <summary>
/// Draws <c>briefing.html</c>: the briefing with numbered citations that open the cited sentence in its article's
/// side-by-side page, and a list of sources quoting each cited sentence in Arabic and English. No script.
/// </summary>
public static class BriefingPage
{
    private const string Style = """
        header, main { max-width: 52rem; margin: 0 auto; padding: 12px 20px; }
        header { border-bottom: 1px solid #ddd; }
        h1 { font-size: 24px; margin: 4px 0; }
        h2 { font-size: 18px; margin-top: 24px; }
        sup.cite a { text-decoration: none; font-size: 11px; padding: 0 1px; }
        sup.cite a:hover, sup.cite a:focus { text-decoration: underline; }
        ol.sources li { margin-bottom: 8px; }
        ol.sources .ar { display: block; font-size: 16px; }
        ol.sources li:target { background: #fff8d6; }
        .missing { color: #8a1c15; font-style: italic; }
        """;

    /// <summary>Renders the page; every article and model text is HTML-encoded.</summary>
    public static string Render(Briefing briefing, Provenance provenance)
    {
        var html = HtmlPage.Begin(briefing.Title, HtmlPage.NoScriptPolicy, Style)
            .Append("<header>\n<nav class=\"meta no-print\">").AppendLink(JobLinks.Index, "all articles").Append(" · ")
            .AppendLink(JobLinks.BriefingMarkdown, JobLinks.BriefingMarkdown).Append("</nav>\n<h1>").Append(Html.Encode(briefing.Title)).Append("</h1>\n")
            .AppendProvenance(provenance).Append("</header>\n<main>\n");
        foreach (var section in briefing.Sections)
        {
            html.Append("<h2>").Append(Html.Encode(section.Heading)).Append("</h2>\n");
            foreach (var paragraph in section.Paragraphs)
            {
                html.Append("<p>").Append(Validation.Citations.Render(paragraph, Html.Encode, sources => Cite(briefing.Cited(sources)))).Append("</p>\n");
            }
        }

        List(html, BriefingHeadings.Conflicts, briefing.Conflicts.Select(c => Html.Encode(c.Description) + Cite(briefing.Cited(c.Sources))));
        List(html, BriefingHeadings.Filtered, briefing.Filtered.Select(item => Html.Encode(BriefingHeadings.Describe(item))));
        List(html, BriefingHeadings.Failures, briefing.Failures.Select(f => Html.Encode($"{f.Article} · {f.Stage} · {f.Item}: {f.Reason}")));
        List(html, BriefingHeadings.Flagged, briefing.FlaggedClaims.Select(f =>
            new StringBuilder().AppendLink(JobLinks.SideBySide(f.Article, f.Claim.Id), $"{f.Article} {f.Claim.Id}").Append(": ").Append(Html.Encode(f.Claim.En))
                .Append(string.Concat(f.Claim.Flags.Select(flag => $" <span class=\"{Html.Encode(flag.Severity)}\">{Html.Encode($"{flag.Code}: {flag.Message}")}</span>"))).ToString()));

        if (briefing.Sources.Count > 0)
        {
            html.Append("<h2>Sources</h2>\n<ol class=\"sources\">\n");
            foreach (var source in briefing.Sources)
            {
                html.Append("<li id=\"source-").Append(source.Number.ToString(CultureInfo.InvariantCulture)).Append("\">");
                if (!source.Found)
                {
                    html.Append("<span class=\"missing\">").Append(Html.Encode($"{source.Source} (not found)")).Append("</span></li>\n");
                    continue;
                }

                html.AppendLink(source.PageLink, $"{source.Article} {source.Sentence}").Append(' ')
                    .Append("<span class=\"ar\" lang=\"ar\" dir=\"rtl\">«").Append(Html.Encode(source.Arabic)).Append("»</span>")
                    .Append("<span lang=\"en\">“").Append(Html.Encode(source.English ?? BriefingHeadings.NotTranslated)).Append("”</span></li>\n");
            }

            html.Append("</ol>\n");
        }

        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    /// <summary>A citation: one numbered link per cited sentence, opening it in its article page; the title previews the English.</summary>
    private static string Cite(IReadOnlyList<BriefingSource> sources)
    {
        var builder = new StringBuilder("<sup class=\"cite\">");
        foreach (var source in sources)
        {
            var number = source.Number.ToString(CultureInfo.InvariantCulture);
            if (source.Found)
            {
                builder.AppendLink(source.PageLink, $"[{number}]", $"{source.Article} {source.Sentence}: {source.English ?? BriefingHeadings.NotTranslated}");
            }
            else
            {
                builder.AppendLink($"#source-{number}", $"[{number}]", $"{source.Source} (not found)");
            }
        }

        return builder.Append("</sup>").ToString();
    }

    private static void List(StringBuilder html, string heading, IEnumerable<string> items)
    {
        var lines = items.ToList();
        if (lines.Count == 0)
        {
            return;
        }

        html.Append("<h2>").Append(Html.Encode(heading)).Append("</h2>\n<ul>\n");
        foreach (var line in lines)
        {
            html.Append("<li>").Append(line).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }
}

using Summarizer.Core.Outputs;
using System.Globalization;
using System.Text;

namespace Summarizer.Core.Rendering;

/// <summary>Draws <c>briefing.md</c>: each citation becomes a footnote quoting the Arabic sentence and its translation.</summary>
public static class BriefingMarkdown
{
    /// <summary>Renders the briefing as Markdown; all article and model text is escaped.</summary>
    public static string Render(Briefing briefing, Provenance provenance)
    {
        string Cite(IReadOnlyList<string> sources) =>
            string.Concat(briefing.Cited(sources).Select(s => $"[^{s.Number.ToString(CultureInfo.InvariantCulture)}]"));

        var md = new StringBuilder();
        md.Append("# ").Append(MarkdownWriter.Escape(briefing.Title)).Append("\n\n");
        if (provenance.ReferenceData)
        {
            md.Append("> **Reference data.** ").Append(Provenance.ReferenceBanner).Append("\n\n");
        }

        md.Append('_').Append(MarkdownWriter.Escape(provenance.OneLine)).Append("_\n\n");
        foreach (var section in briefing.Sections)
        {
            md.Append("## ").Append(MarkdownWriter.Escape(section.Heading)).Append("\n\n");
            foreach (var paragraph in section.Paragraphs)
            {
                md.Append(MarkdownWriter.EscapeKeepingCitations(paragraph, Cite)).Append("\n\n");
            }
        }

        List(md, BriefingHeadings.Conflicts, briefing.Conflicts.Select(c => MarkdownWriter.Escape(c.Description) + ' ' + Cite(c.Sources)));
        List(md, BriefingHeadings.Filtered, briefing.Filtered.Select(item => MarkdownWriter.Escape(BriefingHeadings.Describe(item))));
        List(md, BriefingHeadings.Failures, briefing.Failures.Select(f => MarkdownWriter.Escape($"{f.Article} · {f.Stage} · {f.Item}: {f.Reason}")));
        List(md, BriefingHeadings.Flagged, briefing.FlaggedClaims.Select(f =>
            MarkdownWriter.Escape($"{f.Article} {f.Claim.Id}: {f.Claim.En}") + " — " +
            MarkdownWriter.Escape(string.Join("; ", f.Claim.Flags.Select(flag => $"{flag.Code}: {flag.Message}")))));

        if (briefing.Sources.Count > 0)
        {
            md.Append("---\n\n").Append(string.Join('\n', briefing.Sources.Select(Footnote))).Append('\n');
        }

        return md.ToString();
    }

    private static void List(StringBuilder md, string heading, IEnumerable<string> items)
    {
        var lines = items.ToList();
        if (lines.Count == 0)
        {
            return;
        }

        md.Append("## ").Append(heading).Append("\n\n");
        foreach (var line in lines)
        {
            md.Append("- ").Append(line).Append('\n');
        }

        md.Append('\n');
    }

    private static string Footnote(BriefingSource source)
    {
        var label = $"[^{source.Number.ToString(CultureInfo.InvariantCulture)}]: ";
        if (!source.Found)
        {
            return label + MarkdownWriter.Escape($"{source.Source} (not found)");
        }

        return label + $"**{MarkdownWriter.Escape(source.Article)} {MarkdownWriter.Escape(source.Sentence)}** — " +
            $"<span dir=\"rtl\" lang=\"ar\">«{MarkdownWriter.Escape(source.Arabic)}»</span> — “{MarkdownWriter.Escape(source.English ?? BriefingHeadings.NotTranslated)}” " +
            $"([side by side]({source.PageLink}))";
    }
}

using Summarizer.Core.Files;
using Summarizer.Core.Evaluation;
using System.Globalization;
using System.Text;

namespace Summarizer.Core.Rendering;

/// <summary>Writes <c>diff.md</c> and <c>diff.html</c> into the second job's folder.</summary>
public sealed class DiffWriter
{
    /// <summary>Writes both files and returns their paths.</summary>
    public (string Markdown, string Html) Write(JobDiff diff)
    {
        var md = Path.Combine(diff.B.Directory, JobLinks.DiffMarkdown);
        var html = Path.Combine(diff.B.Directory, JobLinks.DiffPage);
        AtomicFile.WriteAllText(md, Markdown(diff));
        AtomicFile.WriteAllText(html, Page(diff));
        return (md, html);
    }

    private static string Markdown(JobDiff diff)
    {
        var s = new StringBuilder();
        s.Append("# Diff: ").Append(diff.A.JobId).Append(" → ").Append(diff.B.JobId).Append("\n\n| stage | ").Append(diff.A.JobId).Append(" | ").Append(diff.B.JobId).Append(" |\n|---|---|---|\n");
        foreach (var (stage, a, b) in PromptRows(diff))
        {
            s.Append("| ").Append(stage).Append(" | ").Append(a).Append(" | ").Append(b).Append(" |\n");
        }

        foreach (var article in diff.Articles)
        {
            s.Append("\n## ").Append(MarkdownWriter.Escape(article.Id)).Append("\n\n");
            if (!article.InA || !article.InB)
            {
                s.Append("Only in ").Append(article.InA ? diff.A.JobId : diff.B.JobId).Append(".\n");
                continue;
            }

            s.Append("chrF2 of the new translation against the old: ").Append(Score(article.ChrF)).Append(". ")
                .Append(article.ChangedSentences.Count).Append(" sentence(s) translated differently").Append(ByPeople(article)).Append("; claims: ")
                .Append(article.Appeared.Count).Append(" appeared, ").Append(article.Disappeared.Count).Append(" disappeared, ")
                .Append(article.Changed.Count).Append(" changed.\n");
            foreach (var c in article.Disappeared)
            {
                s.Append("\n- − ").Append(MarkdownWriter.Escape(c.En)).Append(" [").Append(c.SourceKey).Append(']');
            }

            foreach (var c in article.Appeared)
            {
                s.Append("\n- + ").Append(MarkdownWriter.Escape(c.En)).Append(" [").Append(c.SourceKey).Append(']');
            }

            foreach (var (a, b) in article.Changed)
            {
                s.Append("\n- ~ ").Append(MarkdownWriter.Escape(a.En)).Append(" → ").Append(MarkdownWriter.Escape(b.En)).Append(" [").Append(b.SourceKey).Append(']');
            }

            if (article.ChangedSentences.Count > 0)
            {
                s.Append("\n\n| id | before | after |\n|---|---|---|\n");
                foreach (var change in article.ChangedSentences)
                {
                    s.Append("| ").Append(change.Id).Append(change.OriginB is { } origin ? $" ({MarkdownWriter.Escape(OriginLabel(origin))})" : string.Empty)
                        .Append(" | ").Append(MarkdownWriter.Escape(change.EnA)).Append(" | ").Append(MarkdownWriter.Escape(change.EnB)).Append(" |\n");
                }
            }

            s.Append('\n');
        }

        if (diff.BriefingRemoved.Count + diff.BriefingAdded.Count > 0)
        {
            // briefing.md lines are Markdown already (escaped when written); they are quoted as they are.
            s.Append("\n## Briefing\n\n").Append(diff.BriefingRemoved.Count).Append(" line(s) removed, ").Append(diff.BriefingAdded.Count).Append(" added.\n");
            foreach (var line in diff.BriefingRemoved)
            {
                s.Append("\n- − ").Append(line);
            }

            foreach (var line in diff.BriefingAdded)
            {
                s.Append("\n- + ").Append(line);
            }

            s.Append('\n');
        }

        return s.ToString();
    }

    private static string Page(JobDiff diff)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>")
            .Append(Html.Encode($"Diff {diff.A.JobId} → {diff.B.JobId}")).Append("</title>\n<style>")
            .Append("body{font:15px/1.5 system-ui,sans-serif;margin:20px}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:4px 8px;vertical-align:top}")
            .Append(".ar{direction:rtl;text-align:right;font-family:\"Noto Naskh Arabic\",\"Amiri\",serif}.del{background:#fde2e1}.add{background:#e3f6e3}.chg{background:#fff1d6}")
            .Append(".origin{margin-left:6px;padding:0 5px;border:1px solid #9bb5e0;border-radius:3px;color:#174ea6;font-size:12px}")
            .Append("</style>\n</head>\n<body>\n<h1>").Append(Html.Encode($"Diff {diff.A.JobId} → {diff.B.JobId}")).Append("</h1>\n<table><tr><th>stage</th><th>")
            .Append(Html.Encode(diff.A.JobId)).Append("</th><th>").Append(Html.Encode(diff.B.JobId)).Append("</th></tr>\n");
        foreach (var (stage, a, b) in PromptRows(diff))
        {
            h.Append("<tr><td>").Append(Html.Encode(stage)).Append("</td><td>").Append(Html.Encode(a)).Append("</td><td>").Append(Html.Encode(b)).Append("</td></tr>\n");
        }

        h.Append("</table>\n");
        foreach (var article in diff.Articles)
        {
            h.Append("<h2>").Append(Html.Encode(article.Id)).Append("</h2>\n");
            if (!article.InA || !article.InB)
            {
                h.Append("<p>").Append(Html.Encode($"Only in {(article.InA ? diff.A.JobId : diff.B.JobId)}.")).Append("</p>\n");
                continue;
            }

            h.Append("<p>").Append(Html.Encode($"chrF2 {Score(article.ChrF)}; {article.ChangedSentences.Count} sentence(s) translated differently{ByPeople(article)}.")).Append("</p>\n<table><tr><th>")
                .Append(Html.Encode(diff.A.JobId)).Append("</th><th>").Append(Html.Encode(diff.B.JobId)).Append("</th></tr>\n");
            foreach (var c in article.Disappeared)
            {
                h.Append("<tr class=\"del\"><td>").Append(Html.Encode($"{c.En} [{c.SourceKey}]")).Append("</td><td></td></tr>\n");
            }

            foreach (var c in article.Appeared)
            {
                h.Append("<tr class=\"add\"><td></td><td>").Append(Html.Encode($"{c.En} [{c.SourceKey}]")).Append("</td></tr>\n");
            }

            foreach (var (a, b) in article.Changed)
            {
                h.Append("<tr class=\"chg\"><td>").Append(Html.Encode($"{a.En} [{a.SourceKey}]")).Append("</td><td>").Append(Html.Encode($"{b.En} [{b.SourceKey}]")).Append("</td></tr>\n");
            }

            foreach (var change in article.ChangedSentences)
            {
                h.Append("<tr class=\"chg\"><td colspan=\"2\" class=\"ar\" lang=\"ar\" dir=\"rtl\">").Append(Html.Encode($"{change.Id}: {change.Ar}")).Append("</td></tr>\n")
                    .Append("<tr class=\"chg\"><td>").Append(Html.Encode(change.EnA)).Append("</td><td>").Append(Html.Encode(change.EnB));
                if (change.OriginB is { } origin)
                {
                    h.Append("<span class=\"origin\" data-origin=\"").Append(Html.Encode(origin)).Append("\">").Append(Html.Encode(OriginLabel(origin))).Append("</span>");
                }

                h.Append("</td></tr>\n");
            }

            h.Append("</table>\n");
        }

        if (diff.BriefingRemoved.Count + diff.BriefingAdded.Count > 0)
        {
            h.Append("<h2>Briefing</h2>\n<table><tr><th>").Append(Html.Encode(diff.A.JobId)).Append("</th><th>").Append(Html.Encode(diff.B.JobId)).Append("</th></tr>\n");
            foreach (var line in diff.BriefingRemoved)
            {
                h.Append("<tr class=\"del\"><td>").Append(Html.Encode(line)).Append("</td><td></td></tr>\n");
            }

            foreach (var line in diff.BriefingAdded)
            {
                h.Append("<tr class=\"add\"><td></td><td>").Append(Html.Encode(line)).Append("</td></tr>\n");
            }

            h.Append("</table>\n");
        }

        return h.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>How many of an article's changed sentences people wrote: " (2 by a reviewer, 1 from the translation memory)".</summary>
    private static string ByPeople(ArticleDiff article)
    {
        var human = article.ChangedSentences.Count(c => c.OriginB == Outputs.SentenceOrigins.Human);
        var tm = article.ChangedSentences.Count(c => c.OriginB == Outputs.SentenceOrigins.Tm);
        var parts = new List<string>();
        if (human > 0)
        {
            parts.Add($"{human} by a reviewer (human)");
        }

        if (tm > 0)
        {
            parts.Add($"{tm} from the translation memory");
        }

        return parts.Count == 0 ? string.Empty : $" ({string.Join(", ", parts)})";
    }

    private static string OriginLabel(string origin) => origin == Outputs.SentenceOrigins.Tm ? "TM" : origin;

    private static IEnumerable<(string Stage, string A, string B)> PromptRows(JobDiff diff) =>
        diff.A.Prompts.Select(p => p.Stage).Union(diff.B.Prompts.Select(p => p.Stage)).Select(stage =>
            (stage, Describe(diff.A.Prompts.FirstOrDefault(p => p.Stage == stage)), Describe(diff.B.Prompts.FirstOrDefault(p => p.Stage == stage))));

    private static string Describe((string Stage, string Version, string Sha256) prompt) =>
        prompt.Version is null ? "—" : $"{prompt.Version} ({prompt.Sha256[..12]})";

    private static string Score(double? chrf) => chrf is { } value ? value.ToString("0.0", CultureInfo.InvariantCulture) : "n/a";
}

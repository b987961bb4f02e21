using Summarizer.Core.Validation;
using Summarizer.Core.Outputs;

namespace Summarizer.Core.Rendering;

/// <summary>Draws a job's <c>index.html</c>: the briefing, then every article with its status, QA counts and pages.</summary>
public static class JobIndexPage
{
    /// <summary>The page's style sheet (the served review index adds to it).</summary>
    internal const string Style = """
        header, main { padding: 12px 20px; }
        h1 { font-size: 21px; margin: 4px 0; }
        table { border-collapse: collapse; background: #fff; }
        td, th { border: 1px solid #ddd; padding: 4px 10px; text-align: left; vertical-align: top; }
        td.count { text-align: right; font-variant-numeric: tabular-nums; }
        """;

    /// <summary>Renders the page; every article and model text is HTML-encoded.</summary>
    /// <param name="provenance">How the job was made.</param>
    /// <param name="works">The articles with written files.</param>
    /// <param name="articles">Every article's outcome.</param>
    /// <param name="qa">The job's QA findings.</param>
    /// <param name="hasBriefing">Whether the briefing was written.</param>
    /// <param name="hasDiff">Whether the folder holds a diff against the job this one re-runs.</param>
    public static string Render(Provenance provenance, IReadOnlyList<ArticleResult> works, IReadOnlyList<JobArticleStatus> articles, QaReport qa, bool hasBriefing, bool hasDiff = false)
    {
        var byId = works.ToDictionary(w => w.Article.Id, StringComparer.Ordinal);
        var counts = qa.Findings.CountBy(f => (f.Article, f.Severity)).ToDictionary();
        var title = $"Job {provenance.JobId}";
        var html = HtmlPage.Begin(title, HtmlPage.NoScriptPolicy, Style)
            .Append("<header>\n<h1>").Append(Html.Encode(title)).Append("</h1>\n").AppendProvenance(provenance).Append("<p>");
        if (hasBriefing)
        {
            html.AppendLink(JobLinks.BriefingPage, "briefing").Append(" (").AppendLink(JobLinks.BriefingMarkdown, JobLinks.BriefingMarkdown).Append(") · ");
        }

        if (hasDiff)
        {
            html.AppendLink(JobLinks.DiffPage, "diff with the job this re-runs").Append(" · ");
        }

        html.AppendLink(JobFolder.Manifest, JobFolder.Manifest).Append(" · ").AppendLink(JobFolder.Qa, JobFolder.Qa).Append(" · ")
            .Append(Html.Encode($"QA: {qa.Errors} errors, {qa.Warnings} warnings, {qa.Notes} notes")).Append("</p>\n</header>\n<main>\n<table>\n")
            .Append("<tr><th>article</th><th>headline</th><th>status</th><th>sentences</th><th>errors</th><th>warnings</th><th>files</th></tr>\n");
        foreach (var article in articles)
        {
            html.Append("<tr><td>").Append(Html.Encode(article.Id)).Append("<div class=\"meta\">").Append(Html.Name(article.Path)).Append("</div></td><td>");
            if (byId.TryGetValue(article.Id, out var work))
            {
                html.Append(Html.Encode(work.Summary?.HeadlineEn ?? string.Empty))
                    .Append("<div class=\"ar\" lang=\"ar\" dir=\"rtl\">").Append(Html.Encode(work.Article.Title)).Append("</div>");
            }

            html.Append("</td><td>").Append(Html.Encode(article.Status));
            if (article.Reason is not null)
            {
                // A reason can quote the input (an extension, a JSON field), so it is shown as a name is.
                html.Append(": ").Append(Html.Name(article.Reason));
            }

            html.Append("</td><td class=\"count\">").Append(work?.Sentences.Count ?? 0)
                .Append("</td><td class=\"count error\">").Append(counts.GetValueOrDefault((article.Id, Severities.Error)))
                .Append("</td><td class=\"count warning\">").Append(counts.GetValueOrDefault((article.Id, Severities.Warning))).Append("</td><td>");
            if (work is not null)
            {
                html.AppendLink(JobLinks.SideBySide(article.Id), "side by side").Append(" · ").AppendLink(JobLinks.Summary(article.Id), "summary");
            }

            html.Append("</td></tr>\n");
        }

        return html.Append("</table>\n</main>\n</body>\n</html>\n").ToString();
    }
}

using Summarizer.Core.Outputs;
using Summarizer.Core.Rendering;
using Summarizer.Core.Store;

namespace Summarizer.Core.Review;

/// <summary>
/// The served index of a job under review: every article with how many of its sentences and claims are edited,
/// reviewed, approved or rejected, a link to its editable side-by-side page, and the button that applies the reviews.
/// </summary>
public static class ReviewIndexPage
{
    private const string Style = JobIndexPage.Style + "\n#apply-status { margin-left: 8px; }";

    /// <summary>Gets the page's Content-Security-Policy: the editor's script by hash, requests to its own server only.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{HtmlPage.Sha256(ReviewEditor.Script)}'; connect-src 'self'; base-uri 'none'; form-action 'none'";

    /// <summary>Renders the page; every text is HTML-encoded.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="reviewer">Who reviews.</param>
    /// <param name="provenance">How the job was made, when an article says.</param>
    /// <param name="articles">The articles with written files, in id order.</param>
    /// <param name="latest">The latest review of every reviewed item of the job.</param>
    /// <param name="hasBriefing">Whether the job has a briefing page.</param>
    public static string Render(
        string jobId, string reviewer, Provenance? provenance, IReadOnlyList<(string Id, WrittenArticle Written)> articles,
        IReadOnlyDictionary<(string Article, string Item), ItemReview> latest, bool hasBriefing)
    {
        var title = $"Review of job {jobId}";
        var html = HtmlPage.Begin(title, ContentSecurityPolicy, Style).Append("<header>\n<h1>").Append(Html.Encode(title)).Append("</h1>\n");
        if (provenance is not null)
        {
            html.AppendProvenance(provenance);
        }

        html.Append("<p class=\"meta\">Reviewer: ").Append(Html.Encode(reviewer))
            .Append(". Every edit is saved in the job store the moment it is made; the job's own files are not changed.");
        if (hasBriefing)
        {
            html.Append(" · ").AppendLink(JobLinks.BriefingPage, "briefing");
        }

        html.Append("</p>\n<p><button type=\"button\" id=\"apply\">Apply reviews</button><span id=\"apply-status\" role=\"status\"></span></p>\n</header>\n<main>\n<table>\n")
            .Append("<tr><th>article</th><th>headline</th><th>sentences</th><th>edited</th><th>reviewed</th><th>approved</th><th>rejected</th><th>review</th></tr>\n");
        foreach (var (id, written) in articles)
        {
            var reviews = latest.Where(r => r.Key.Article == id).Select(r => r.Value).ToList();
            html.Append("<tr><td>").Append(Html.Encode(id)).Append("</td><td>").Append(Html.Encode(written.Claims.HeadlineEn ?? string.Empty))
                .Append("<div class=\"ar\" lang=\"ar\" dir=\"rtl\">").Append(Html.Encode(written.Translation.Title)).Append("</div></td>")
                .Append("<td class=\"count\">").Append(written.Translation.Sentences.Count).Append("</td>")
                .Append("<td class=\"count\">").Append(reviews.Count(r => r.English is not null)).Append("</td>");
            foreach (var state in new[] { ReviewStates.Reviewed, ReviewStates.Approved, ReviewStates.Rejected })
            {
                html.Append("<td class=\"count\">").Append(reviews.Count(r => r.State == state)).Append("</td>");
            }

            html.Append("<td>").AppendLink(JobLinks.SideBySide(id), "side by side").Append("</td></tr>\n");
        }

        return html.Append("</table>\n</main>\n<script>").Append(ReviewEditor.Script).Append("</script>\n</body>\n</html>\n").ToString();
    }
}

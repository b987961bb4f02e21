using System.Text;
using Summarizer.Core.Planning;
using Summarizer.Core.Stages;
using Summarizer.Core.Outputs;

namespace Summarizer.Core.Rendering;

/// <summary>Writes a job's files (atomically): per article, the briefing, and the manifest.</summary>
public sealed class JobWriter
{
    /// <summary>The records an article's <c>translation.json</c> and <c>claims.json</c> are written from.</summary>
    public static WrittenArticle Files(JobContext context, ArticleResult article)
    {
        var provenance = Provenance.From(context);
        var sentences = article.Sentences
            .Select(s => new TranslatedSentence(s.Id, s.Text, article.English.GetValueOrDefault(s.Id), s.Start, s.Length, s.Paragraph, article.FlagsOf(s.Id))
            {
                Origin = article.Origins.GetValueOrDefault(s.Id),
            })
            .ToList();
        var summary = article.Summary;
        return new WrittenArticle(
            new TranslationFile(article.Article.Id, article.Article.Path, article.Article.Title, article.Article.Source, article.Article.Section, sentences, provenance),
            new ClaimsFile(
                article.Article.Id, article.Status, article.Reason, summary?.HeadlineEn, summary?.HeadlineAr, summary?.SummaryEn, summary?.SummaryAr,
                article.Claims, article.Failures, provenance));
    }

    /// <summary>
    /// Writes an article's data files (<c>translation.json</c>, <c>claims.json</c>) and <c>summary.md</c> as soon as it
    /// finishes, so a stopped job keeps it; its page is drawn once, with the job's QA, by <see cref="WriteSideBySide"/>.
    /// </summary>
    public void WriteArticle(string jobDirectory, JobContext context, ArticleResult article)
    {
        var folder = new JobFolder(jobDirectory);
        folder.WriteArticle(Files(context, article));
        folder.WriteArticleText(article.Article.Id, JobFolder.Summary, SummaryMarkdown(article, Provenance.From(context)));
    }

    /// <summary>Writes an article's <c>side-by-side.html</c> with the job-wide QA findings.</summary>
    public void WriteSideBySide(string jobDirectory, JobContext context, ArticleResult article, IReadOnlyList<QaFinding> findings)
    {
        var folder = new JobFolder(jobDirectory);
        folder.WriteArticleText(article.Article.Id, JobFolder.SideBySide, SideBySidePage.Render(article, Provenance.From(context), findings, File.Exists(folder.File(JobFolder.BriefingPage))));
    }

    /// <summary>Writes <c>index.html</c>: every article with its status, QA counts and links to its files.</summary>
    public void WriteIndex(string jobDirectory, JobContext context, IReadOnlyList<ArticleResult> works, IReadOnlyList<JobArticleStatus> articles, QaReport qa) =>
        new JobFolder(jobDirectory).WriteText(
            JobFolder.Index,
            JobIndexPage.Render(
                Provenance.From(context), works, articles, qa, File.Exists(Path.Combine(jobDirectory, JobFolder.BriefingPage)), File.Exists(Path.Combine(jobDirectory, JobFolder.DiffPage))));

    /// <summary>Writes <c>briefing.md</c> and <c>briefing.html</c>: every citation points at the Arabic sentence it rests on.</summary>
    public void WriteBriefing(string jobDirectory, JobContext context, IReadOnlyList<ArticleResult> works, BriefResult brief)
    {
        var provenance = Provenance.From(context);
        var briefing = Briefing.Build(works, brief);
        var folder = new JobFolder(jobDirectory);
        folder.WriteText(JobFolder.BriefingMarkdown, BriefingMarkdown.Render(briefing, provenance));
        folder.WriteText(JobFolder.BriefingPage, BriefingPage.Render(briefing, provenance));
    }

    /// <summary>Writes <c>manifest.json</c>: how the job was made, what it spent, and what became of every article.</summary>
    public void WriteManifest(
        string jobDirectory,
        JobContext context,
        JobPlan plan,
        IReadOnlyList<ArticleResult> works,
        IReadOnlyList<JobArticleStatus> articles,
        IReadOnlyList<StageUsageSnapshot> usage,
        decimal? cost,
        string status,
        BriefResult? brief,
        DateTimeOffset finished,
        IReadOnlyList<ManifestBatchRound>? batch = null)
    {
        var byId = works.ToDictionary(w => w.Article.Id, StringComparer.Ordinal);
        var manifest = new Manifest(
            context.JobId,
            context.Parent,
            context.Created,
            finished,
            status,
            Provenance.From(context),
            context.Engine.Credential,
            articles.Select(a => byId.TryGetValue(a.Id, out var w)
                ? new ManifestArticle(a.Id, a.Path, a.Status, a.Reason, w.Sentences.Count, w.Chunks, w.English.Count, w.Claims.Count,
                    w.SentenceFlags.Values.Sum(f => f.Count) + w.Claims.Sum(c => c.Flags.Count), w.Failures)
                : new ManifestArticle(a.Id, a.Path, a.Status, a.Reason, 0, 0, 0, 0, 0, [])).ToList(),
            usage.Select(u => new ManifestStage(u.Stage, u.Calls, u.Reused, u.Repairs, u.Failed, u.Filtered, u.Splits, u.InputTokens, u.OutputTokens, (long)u.Elapsed.TotalMilliseconds)).ToList(),
            new ManifestUsage(usage.Sum(u => u.Calls), usage.Sum(u => u.InputTokens), usage.Sum(u => u.OutputTokens), cost),
            works.SelectMany(w => w.SentenceFlags.Values.SelectMany(f => f).Concat(w.Claims.SelectMany(c => c.Flags)))
                .GroupBy(f => f.Code).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            works.SelectMany(w => w.Failures).Concat(brief?.Failures ?? []).ToList(),
            works.SelectMany(w => w.Filtered).ToList(),
            context.Engine.Resilience is { } r
                ? new ManifestResilience(r.Attempts, r.Retries, r.Throttled, r.Timeouts, r.ServerErrors, r.CircuitOpened, r.ChaosFaults,
                    context.Engine.Pool.Select(d => new ManifestDeployment(d.Name, d.Calls, d.Throttled, d.Failed)).ToList())
                : null,
            brief?.Output is not null)
        {
            Batch = batch,
        };
        new JobFolder(jobDirectory).WriteJson(JobFolder.Manifest, manifest);
    }

    private static string SummaryMarkdown(ArticleResult work, Provenance provenance)
    {
        var md = new StringBuilder();
        var summary = work.Summary;
        md.Append("# ").Append(MarkdownWriter.Escape(summary?.HeadlineEn ?? work.Article.Title)).Append("\n\n");
        if (summary is not null)
        {
            md.Append("<div dir=\"rtl\" lang=\"ar\">\n\n## ").Append(MarkdownWriter.Escape(summary.HeadlineAr)).Append("\n\n</div>\n\n");
        }

        if (provenance.ReferenceData)
        {
            md.Append("> ").Append(Provenance.ReferenceBanner).Append("\n\n");
        }

        md.Append('_').Append(MarkdownWriter.Escape(provenance.OneLine)).Append("_\n\n");
        string Keep(IReadOnlyList<string> sources) => "[" + string.Join(",", sources) + "]";
        if (summary is not null)
        {
            md.Append("## Summary (English)\n\n").Append(MarkdownWriter.EscapeKeepingCitations(summary.SummaryEn, Keep)).Append("\n\n")
                .Append("## الملخص (العربية)\n\n<div dir=\"rtl\" lang=\"ar\">\n\n").Append(MarkdownWriter.EscapeKeepingCitations(summary.SummaryAr, Keep)).Append("\n\n</div>\n\n");
        }

        md.Append("## Claims\n\n");
        foreach (var claim in work.Claims)
        {
            md.Append("- **").Append(claim.Id).Append("** ").Append(MarkdownWriter.Escape(claim.En)).Append(' ').Append(Keep(claim.Sources));
            foreach (var flag in claim.Flags)
            {
                md.Append(" ⚠ ").Append(MarkdownWriter.Escape($"{flag.Code}: {flag.Message}"));
            }

            md.Append("\n  <span dir=\"rtl\" lang=\"ar\">").Append(MarkdownWriter.Escape(claim.Ar)).Append("</span>\n");
        }

        if (work.Failures.Count > 0)
        {
            md.Append("\n## Failed items\n\n");
            foreach (var failure in work.Failures)
            {
                md.Append("- ").Append(MarkdownWriter.Escape($"{failure.Stage} {failure.Item}: {failure.Reason}")).Append('\n');
            }
        }

        return md.ToString();
    }
}

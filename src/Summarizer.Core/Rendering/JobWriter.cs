using System.Globalization;
using System.Text;
using Summarizer.Core.Jobs;
using Summarizer.Core.Planning;
using Summarizer.Core.Stages;
using Summarizer.Core.Validation;

namespace Summarizer.Core.Rendering;

/// <summary>Writes a job's files (atomically): per article, the briefing, and the manifest.</summary>
public sealed class JobWriter
{
    /// <summary>The folder of an article's files inside a job folder.</summary>
    public static string ArticleDirectory(string jobDirectory, string articleId) => Path.Combine(jobDirectory, "articles", articleId);

    /// <summary>Writes <c>translation.json</c>, <c>claims.json</c>, <c>summary.md</c> and <c>side-by-side.html</c>.</summary>
    public void WriteArticle(string jobDirectory, JobContext context, ArticleWork work)
    {
        var provenance = Provenance.From(context);
        var folder = ArticleDirectory(jobDirectory, work.Article.Id);
        var sentences = work.Sentences
            .Select(s => new TranslatedSentence(s.Id, s.Text, work.English.GetValueOrDefault(s.Id), s.Start, s.Length, s.Paragraph, work.SentenceFlags.GetValueOrDefault(s.Id) ?? []))
            .ToList();
        AtomicFile.WriteAllText(
            Path.Combine(folder, "translation.json"),
            OutputJson.Serialize(new TranslationFile(work.Article.Id, work.Article.Path, work.Article.Title, work.Article.Source, work.Article.Section, sentences, provenance)));
        AtomicFile.WriteAllText(
            Path.Combine(folder, "claims.json"),
            OutputJson.Serialize(new ClaimsFile(
                work.Article.Id, work.Status, work.Reason, work.Summary?.HeadlineEn, work.Summary?.HeadlineAr, work.Summary?.SummaryEn, work.Summary?.SummaryAr,
                work.Claims, work.Failures, provenance)));
        AtomicFile.WriteAllText(Path.Combine(folder, "summary.md"), SummaryMarkdown(work, provenance));
        AtomicFile.WriteAllText(Path.Combine(folder, "side-by-side.html"), SideBySidePage.Render(work, provenance));
    }

    /// <summary>Writes an article's <c>side-by-side.html</c> again with the job-wide QA findings.</summary>
    public void WriteSideBySide(string jobDirectory, JobContext context, ArticleWork work, IReadOnlyList<Quality.QaFinding> findings) =>
        AtomicFile.WriteAllText(Path.Combine(ArticleDirectory(jobDirectory, work.Article.Id), "side-by-side.html"), SideBySidePage.Render(work, Provenance.From(context), findings));

    /// <summary>Writes <c>index.html</c>: every article with its status, QA counts and links to its files.</summary>
    public void WriteIndex(string jobDirectory, JobContext context, IReadOnlyList<ArticleWork> works, IReadOnlyList<JobArticleStatus> articles, Quality.QaReport qa)
    {
        var provenance = Provenance.From(context);
        var byId = works.ToDictionary(w => w.Article.Id, StringComparer.Ordinal);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<title>").Append(Html.Encode($"Job {context.JobId}")).Append("</title>\n<style>")
            .Append("body{font:15px/1.5 system-ui,sans-serif;margin:20px}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:4px 10px;text-align:left}")
            .Append(".ar{direction:rtl;text-align:right;font-family:\"Noto Naskh Arabic\",\"Amiri\",serif}.error{color:#8a1c15}.warning{color:#7a4d00}.banner{background:#fff3cd;border:1px solid #e0c36a;padding:6px 10px}")
            .Append("</style>\n</head>\n<body>\n<h1>").Append(Html.Encode($"Job {context.JobId}")).Append("</h1>\n<p>").Append(Html.Encode(provenance.OneLine)).Append("</p>\n");
        if (provenance.ReferenceData)
        {
            h.Append("<p class=\"banner\">").Append(Html.Encode(Provenance.ReferenceBanner)).Append("</p>\n");
        }

        h.Append("<p><a href=\"briefing.md\">briefing.md</a> · <a href=\"manifest.json\">manifest.json</a> · <a href=\"qa.json\">qa.json</a> · ")
            .Append(Html.Encode($"QA: {qa.Errors} errors, {qa.Warnings} warnings")).Append("</p>\n<table>\n<tr><th>article</th><th>headline</th><th>status</th><th>sentences</th><th>errors</th><th>warnings</th><th>files</th></tr>\n");
        foreach (var article in articles)
        {
            var errors = qa.Findings.Count(f => f.Article == article.Id && f.Severity == "error");
            var warnings = qa.Findings.Count(f => f.Article == article.Id && f.Severity == "warning");
            var link = Uri.EscapeDataString(article.Id);
            h.Append("<tr><td>").Append(Html.Encode(article.Id)).Append("</td><td>");
            if (byId.TryGetValue(article.Id, out var work))
            {
                h.Append(Html.Encode(work.Summary?.HeadlineEn ?? string.Empty)).Append("<div class=\"ar\" lang=\"ar\" dir=\"rtl\">").Append(Html.Encode(work.Article.Title)).Append("</div>");
            }

            h.Append("</td><td>").Append(Html.Encode(article.Reason is null ? article.Status : $"{article.Status}: {article.Reason}")).Append("</td><td>")
                .Append(work?.Sentences.Count ?? 0).Append("</td><td class=\"error\">").Append(errors).Append("</td><td class=\"warning\">").Append(warnings).Append("</td><td>");
            if (work is not null)
            {
                h.Append("<a href=\"articles/").Append(link).Append("/side-by-side.html\">side by side</a> · <a href=\"articles/").Append(link).Append("/summary.md\">summary</a>");
            }

            h.Append("</td></tr>\n");
        }

        AtomicFile.WriteAllText(Path.Combine(jobDirectory, "index.html"), h.Append("</table>\n</body>\n</html>\n").ToString());
    }

    /// <summary>Writes <c>briefing.md</c>: each citation becomes a footnote quoting the Arabic sentence and its translation.</summary>
    public void WriteBriefing(string jobDirectory, JobContext context, IReadOnlyList<ArticleWork> works, BriefResult brief)
    {
        var provenance = Provenance.From(context);
        var byArticle = works.ToDictionary(w => w.Article.Id, StringComparer.Ordinal);
        var footnotes = new List<string>();
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        string Cite(IReadOnlyList<string> sources) => string.Concat(sources.Select(source =>
        {
            if (!numbers.TryGetValue(source, out var number))
            {
                number = numbers[source] = numbers.Count + 1;
                footnotes.Add(Footnote(number, source, byArticle));
            }

            return $"[^{number.ToString(CultureInfo.InvariantCulture)}]";
        }));

        var md = new StringBuilder();
        var output = brief.Output;
        md.Append("# ").Append(MarkdownWriter.Escape(output?.Title ?? "Briefing")).Append("\n\n");
        if (provenance.ReferenceData)
        {
            md.Append("> **Reference data.** ").Append(Provenance.ReferenceBanner).Append("\n\n");
        }

        md.Append('_').Append(MarkdownWriter.Escape(provenance.OneLine)).Append("_\n\n");
        foreach (var section in output?.Sections ?? [])
        {
            md.Append("## ").Append(MarkdownWriter.Escape(section.Heading)).Append("\n\n");
            foreach (var paragraph in section.Paragraphs)
            {
                md.Append(MarkdownWriter.EscapeKeepingCitations(paragraph, Cite)).Append("\n\n");
            }
        }

        if (output is { Conflicts.Count: > 0 })
        {
            md.Append("## Where the sources disagree\n\n");
            foreach (var conflict in output.Conflicts)
            {
                md.Append("- ").Append(MarkdownWriter.Escape(conflict.Description)).Append(' ').Append(Cite(conflict.Sources)).Append('\n');
            }

            md.Append('\n');
        }

        var filtered = works.SelectMany(w => w.Filtered).ToList();
        if (filtered.Count > 0)
        {
            md.Append("## Stopped by the content filter\n\n");
            foreach (var item in filtered)
            {
                md.Append("- ").Append(MarkdownWriter.Escape($"{item.Article} · {item.Stage} · {item.Item}{(item.Sentences.Count == 0 ? string.Empty : " (" + string.Join(",", item.Sentences) + ")")}: {item.Category}/{item.Severity}")).Append('\n');
            }

            md.Append('\n');
        }

        var failures = works.SelectMany(w => w.Failures).Concat(brief.Failures).ToList();
        var failedArticles = works.Where(w => w.Status == JobStatuses.Failed).ToList();
        if (failures.Count > 0 || failedArticles.Count > 0)
        {
            md.Append("## Not in this briefing\n\n");
            foreach (var failure in failures)
            {
                md.Append("- ").Append(MarkdownWriter.Escape($"{failure.Article} · {failure.Stage} · {failure.Item}: {failure.Reason}")).Append('\n');
            }

            md.Append('\n');
        }

        var flagged = works.SelectMany(w => w.Claims.Where(c => c.Flags.Count > 0).Select(c => (w.Article.Id, c))).ToList();
        if (flagged.Count > 0)
        {
            md.Append("## Claims flagged by checks\n\n");
            foreach (var (article, claim) in flagged)
            {
                md.Append("- ").Append(MarkdownWriter.Escape($"{article} {claim.Id}: {claim.En}")).Append(" — ")
                    .Append(MarkdownWriter.Escape(string.Join("; ", claim.Flags.Select(f => $"{f.Code}: {f.Message}")))).Append('\n');
            }

            md.Append('\n');
        }

        if (footnotes.Count > 0)
        {
            md.Append("---\n\n").Append(string.Join('\n', footnotes)).Append('\n');
        }

        AtomicFile.WriteAllText(Path.Combine(jobDirectory, "briefing.md"), md.ToString());
    }

    /// <summary>Writes <c>manifest.json</c>: how the job was made, what it spent, and what became of every article.</summary>
    public void WriteManifest(
        string jobDirectory,
        JobContext context,
        JobPlan plan,
        IReadOnlyList<ArticleWork> works,
        IReadOnlyList<JobArticleStatus> articles,
        IReadOnlyList<StageUsageSnapshot> usage,
        decimal? cost,
        string status,
        BriefResult? brief,
        DateTimeOffset finished)
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
                ? new ManifestArticle(a.Id, a.Path, a.Status, a.Reason, w.Sentences.Count, w.Chunks.Count, w.English.Count, w.Claims.Count,
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
            brief?.Output is not null);
        AtomicFile.WriteAllText(Path.Combine(jobDirectory, "manifest.json"), OutputJson.Serialize(manifest));
    }

    private static string SummaryMarkdown(ArticleWork work, Provenance provenance)
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

    private static string Footnote(int number, string source, Dictionary<string, ArticleWork> works)
    {
        var (article, sentence) = Citations.Split(source);
        var label = $"[^{number.ToString(CultureInfo.InvariantCulture)}]: ";
        if (article is null || !works.TryGetValue(article, out var work) || work.Sentences.FirstOrDefault(s => s.Id == sentence) is not { } found)
        {
            return label + MarkdownWriter.Escape($"{source} (not found)");
        }

        var english = work.English.GetValueOrDefault(sentence, "(not translated)");
        return label + $"**{MarkdownWriter.Escape(article)} {MarkdownWriter.Escape(sentence)}** — " +
            $"<span dir=\"rtl\" lang=\"ar\">«{MarkdownWriter.Escape(found.Text)}»</span> — “{MarkdownWriter.Escape(english)}” " +
            $"([side by side](articles/{Uri.EscapeDataString(article)}/side-by-side.html#{Uri.EscapeDataString(sentence)}))";
    }
}

/// <summary>The content of <c>manifest.json</c>.</summary>
public sealed record Manifest(
    string JobId,
    string? Parent,
    DateTimeOffset Created,
    DateTimeOffset Finished,
    string Status,
    Provenance Provenance,
    string CredentialSource,
    IReadOnlyList<ManifestArticle> Articles,
    IReadOnlyList<ManifestStage> Stages,
    ManifestUsage Usage,
    IReadOnlyDictionary<string, int> Flags,
    IReadOnlyList<Failure> Failures,
    IReadOnlyList<FilteredItem> Filtered,
    ManifestResilience? Resilience,
    bool Briefing);

/// <summary>What the resilience pipeline did: attempts sent, retries, 429s, timeouts, 5xx or no response, circuit openings, injected faults.</summary>
public sealed record ManifestResilience(long Attempts, long Retries, long Throttled, long Timeouts, long ServerErrors, long CircuitOpened, long ChaosFaults, IReadOnlyList<ManifestDeployment> Deployments);

/// <summary>How much traffic one deployment of the pool served, and how often it was throttled or failed.</summary>
public sealed record ManifestDeployment(string Name, long Calls, long Throttled, long Failed);

/// <summary>An article in the manifest.</summary>
public sealed record ManifestArticle(string Id, string Path, string Status, string? Reason, int Sentences, int Chunks, int Translated, int Claims, int Flags, IReadOnlyList<Failure> Failures);

/// <summary>What a stage spent: <see cref="Calls"/> paid (repairs included), <see cref="Reused"/> answers served from the cache.</summary>
public sealed record ManifestStage(string Stage, int Calls, int Reused, int Repairs, int Failed, int Filtered, int Splits, long InputTokens, long OutputTokens, long ElapsedMs);

/// <summary>What the job spent.</summary>
public sealed record ManifestUsage(int Calls, long InputTokens, long OutputTokens, decimal? CostUsd);

using System.Text;
using Summarizer.Core.Jobs;
using Summarizer.Core.Planning;
using Summarizer.Core.Stages;
using Summarizer.Core.Outputs;

namespace Summarizer.Core.Rendering;

/// <summary>Writes a job's files (atomically): per article, the briefing, and the manifest.</summary>
public sealed class JobWriter
{
    /// <summary>Writes <c>translation.json</c>, <c>claims.json</c>, <c>summary.md</c> and <c>side-by-side.html</c>.</summary>
    public void WriteArticle(string jobDirectory, JobContext context, ArticleWork work)
    {
        var provenance = Provenance.From(context);
        var folder = new JobFolder(jobDirectory).Article(work.Article.Id);
        var sentences = work.Sentences
            .Select(s => new TranslatedSentence(s.Id, s.Text, work.English.GetValueOrDefault(s.Id), s.Start, s.Length, s.Paragraph, work.SentenceFlags.GetValueOrDefault(s.Id) ?? []))
            .ToList();
        AtomicFile.WriteAllText(
            Path.Combine(folder, JobFolder.Translation),
            OutputJson.Serialize(new TranslationFile(work.Article.Id, work.Article.Path, work.Article.Title, work.Article.Source, work.Article.Section, sentences, provenance)));
        AtomicFile.WriteAllText(
            Path.Combine(folder, JobFolder.Claims),
            OutputJson.Serialize(new ClaimsFile(
                work.Article.Id, work.Status, work.Reason, work.Summary?.HeadlineEn, work.Summary?.HeadlineAr, work.Summary?.SummaryEn, work.Summary?.SummaryAr,
                work.Claims, work.Failures, provenance)));
        AtomicFile.WriteAllText(Path.Combine(folder, JobFolder.Summary), SummaryMarkdown(work, provenance));
        AtomicFile.WriteAllText(Path.Combine(folder, JobFolder.SideBySide), SideBySidePage.Render(work, provenance));
    }

    /// <summary>Writes an article's <c>side-by-side.html</c> again with the job-wide QA findings.</summary>
    public void WriteSideBySide(string jobDirectory, JobContext context, ArticleWork work, IReadOnlyList<Quality.QaFinding> findings) =>
        AtomicFile.WriteAllText(
            new JobFolder(jobDirectory).ArticleFile(work.Article.Id, JobFolder.SideBySide),
            SideBySidePage.Render(work, Provenance.From(context), findings, File.Exists(Path.Combine(jobDirectory, JobLinks.BriefingPage))));

    /// <summary>Writes <c>index.html</c>: every article with its status, QA counts and links to its files.</summary>
    public void WriteIndex(string jobDirectory, JobContext context, IReadOnlyList<ArticleWork> works, IReadOnlyList<JobArticleStatus> articles, Quality.QaReport qa) =>
        AtomicFile.WriteAllText(
            Path.Combine(jobDirectory, JobLinks.Index),
            JobIndexPage.Render(
                Provenance.From(context), works, articles, qa, File.Exists(Path.Combine(jobDirectory, JobLinks.BriefingPage)), File.Exists(Path.Combine(jobDirectory, JobLinks.DiffPage))));

    /// <summary>Writes <c>briefing.md</c> and <c>briefing.html</c>: every citation points at the Arabic sentence it rests on.</summary>
    public void WriteBriefing(string jobDirectory, JobContext context, IReadOnlyList<ArticleWork> works, BriefResult brief)
    {
        var provenance = Provenance.From(context);
        var briefing = Briefing.Build(works, brief);
        AtomicFile.WriteAllText(Path.Combine(jobDirectory, JobLinks.BriefingMarkdown), BriefingMarkdown.Render(briefing, provenance));
        AtomicFile.WriteAllText(Path.Combine(jobDirectory, JobLinks.BriefingPage), BriefingPage.Render(briefing, provenance));
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
        AtomicFile.WriteAllText(new JobFolder(jobDirectory).File(JobFolder.Manifest), OutputJson.Serialize(manifest));
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

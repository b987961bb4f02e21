using System.Globalization;
using Summarizer.Core.Ingest;
using Summarizer.Core.Jobs;
using Summarizer.Core.Store;

namespace Summarizer.Cli.Commands;

/// <summary>Writes <c>jobs show</c>'s readable summary: settings, each article's outcome, and calls paid and reused.</summary>
internal static class JobSummary
{
    /// <summary>Writes the summary.</summary>
    public static void Write(TextWriter output, JobRow row, IReadOnlyDictionary<(string Stage, string Outcome), int> calls)
    {
        var (job, request) = (row.Job, row.Request);
        void Line(string label, string value) => output.WriteLine($"{label,-10}{value}");
        Line("job", job.JobId);
        Line("status", job.Reason is null ? row.Status : $"{row.Status}: {job.Reason}");
        Line("created", Time(job.Created));
        Line("finished", job.Finished is { } finished ? Time(finished) : "-");
        Line("parent", job.Parent ?? "-");
        Line("folder", Directory.Exists(job.Directory) ? job.Directory : $"{job.Directory} (missing; 'summarizer rerun {job.JobId}' rebuilds it)");
        Line("inputs", string.Join(", ", request.Paths) + (request.BaseDirectory is { } folder ? $" (in {folder})" : string.Empty));
        Line("engine", row.Engine);
        Line("prompts", string.Join(", ", request.PromptVersions.Select(p => $"{p.Key} v{p.Value.ToString(CultureInfo.InvariantCulture)}")));
        Line("chunks", $"{request.ChunkTokens.ToString(CultureInfo.InvariantCulture)} source tokens; concurrency {request.Concurrency.ToString(CultureInfo.InvariantCulture)}");
        Line("articles", $"{row.Articles.Count.ToString(CultureInfo.InvariantCulture)}: " +
            string.Join(", ", row.Articles.CountBy(a => a.Status).Select(c => $"{c.Value.ToString(CultureInfo.InvariantCulture)} {c.Key}")));
        foreach (var article in row.Articles)
        {
            output.WriteLine($"  {article.Id}  {article.Status}  {PrintableText.Escape(article.Path)}" + (article.Reason is null ? string.Empty : $"  ({PrintableText.Escape(article.Reason)})"));
        }

        var stages = calls.GroupBy(c => c.Key.Stage).Select(g =>
            $"{g.Key} {g.Where(c => c.Key.Outcome != CallOutcomes.Reused).Sum(c => c.Value).ToString(CultureInfo.InvariantCulture)} paid, " +
            $"{g.Where(c => c.Key.Outcome == CallOutcomes.Reused).Sum(c => c.Value).ToString(CultureInfo.InvariantCulture)} reused");
        Line("calls", calls.Count == 0 ? "none recorded" : string.Join("; ", stages));
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}

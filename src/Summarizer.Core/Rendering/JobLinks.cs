using Summarizer.Core.Outputs;

namespace Summarizer.Core.Rendering;

/// <summary>Links between a job's files, relative to the job folder; ids are URL-escaped because they come from file names.</summary>
public static class JobLinks
{
    /// <summary>The job's overview page.</summary>
    public const string Index = JobFolder.Index;

    /// <summary>The briefing as a page.</summary>
    public const string BriefingPage = JobFolder.BriefingPage;

    /// <summary>The briefing as Markdown.</summary>
    public const string BriefingMarkdown = JobFolder.BriefingMarkdown;

    /// <summary>A re-run's comparison with the job it re-runs, as a page.</summary>
    public const string DiffPage = JobFolder.DiffPage;

    /// <summary>A re-run's comparison with the job it re-runs, as Markdown.</summary>
    public const string DiffMarkdown = JobFolder.DiffMarkdown;

    /// <summary>Gets the link to an article's side-by-side page, opened at a sentence or claim id when one is given.</summary>
    public static string SideBySide(string article, string? anchor = null) =>
        $"{JobFolder.Articles}/{Uri.EscapeDataString(article)}/{JobFolder.SideBySide}" + (anchor is null ? string.Empty : "#" + Uri.EscapeDataString(anchor));

    /// <summary>Gets the link to an article's summary.</summary>
    public static string Summary(string article) => $"{JobFolder.Articles}/{Uri.EscapeDataString(article)}/{JobFolder.Summary}";
}

using Summarizer.Core.Outputs;

namespace Summarizer.Core.Jobs;

/// <summary>
/// Reads an article a job already finished back from its files (<c>translation.json</c>, <c>claims.json</c>). Resume
/// needs this when the article's input changed or disappeared since the job started: its source can no longer be
/// read as it was, but what the job made of it is on disk and still belongs in the briefing.
/// </summary>
public static class FinishedArticle
{
    /// <summary>Returns the article's finished result, or <see langword="null"/> when its files are missing or unreadable.</summary>
    public static ArticleResult? Read(string jobDirectory, string articleId, string path) =>
        new JobFolder(jobDirectory).ReadArticle(articleId) is { } written ? ArticleResult.From(written, path) : null;
}

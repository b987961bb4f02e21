using System.Text.Json;
using Summarizer.Core.Ingest;
using Summarizer.Core.Segmentation;
using Summarizer.Core.Stages;
using Summarizer.Core.Outputs;
using Summarizer.Core.Rendering;

namespace Summarizer.Core.Jobs;

/// <summary>
/// Reads an article a job already finished back from its files (<c>translation.json</c>, <c>claims.json</c>). Resume
/// needs this when the article's input changed or disappeared since the job started: its source can no longer be
/// read as it was, but what the job made of it is on disk and still belongs in the briefing.
/// </summary>
public static class FinishedArticle
{
    /// <summary>Returns the article's finished work, or <see langword="null"/> when its files are missing or unreadable.</summary>
    public static ArticleWork? Read(string jobDirectory, string articleId, string path)
    {
        var folder = new JobFolder(jobDirectory).Article(articleId);
        var translationPath = Path.Combine(folder, JobFolder.Translation);
        var claimsPath = Path.Combine(folder, JobFolder.Claims);
        if (!File.Exists(translationPath) || !File.Exists(claimsPath))
        {
            return null;
        }

        try
        {
            // The same records the files were written from (ArticleFiles), read back with the same options.
            var translation = JsonSerializer.Deserialize<TranslationFile>(File.ReadAllText(translationPath), OutputJson.Options);
            var claims = JsonSerializer.Deserialize<ClaimsFile>(File.ReadAllText(claimsPath), OutputJson.Options);
            return translation is null || claims is null ? null : Build(translation, claims, articleId, path);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            // A file damaged by hand is not a finished article; the caller reports the article instead of guessing.
            return null;
        }
    }

    private static ArticleWork Build(TranslationFile translation, ClaimsFile claims, string articleId, string path)
    {
        var article = new Article(articleId, path, translation.Title ?? string.Empty, string.Empty)
        {
            Source = translation.Source,
            Section = translation.Section,
        };
        var work = new ArticleWork(
            article,
            translation.Sentences.Select(s => new Sentence(s.Id, s.Start, s.Length, s.Ar, s.Paragraph, 0)).ToList(),
            []);
        foreach (var sentence in translation.Sentences)
        {
            if (sentence.En is { } en)
            {
                work.English[sentence.Id] = en;
            }

            foreach (var flag in sentence.Flags ?? [])
            {
                work.Flag(sentence.Id, flag);
            }
        }

        if (claims.HeadlineEn is { } headline)
        {
            work.Summary = new MergeOutput(headline, claims.HeadlineAr ?? string.Empty, claims.SummaryEn ?? string.Empty, claims.SummaryAr ?? string.Empty, []);
        }

        work.Claims.AddRange(claims.Claims ?? []);
        work.Failures.AddRange(claims.Failures ?? []);
        work.Status = claims.Status ?? JobStatuses.Done;
        work.Reason = claims.Reason;
        work.Written = true;
        return work;
    }
}

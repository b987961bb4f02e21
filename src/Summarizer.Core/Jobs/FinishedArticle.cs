using System.Text.Json;
using Summarizer.Core.Ingest;
using Summarizer.Core.Segmentation;
using Summarizer.Core.Stages;
using Summarizer.Core.Validation;
using Summarizer.Core.Outputs;

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
            using var translation = JsonDocument.Parse(File.ReadAllText(translationPath));
            using var claims = JsonDocument.Parse(File.ReadAllText(claimsPath));
            return Build(translation.RootElement, claims.RootElement, articleId, path);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // A file damaged by hand is not a finished article; the caller reports the article instead of guessing.
            return null;
        }
    }

    private static ArticleWork Build(JsonElement translation, JsonElement claims, string articleId, string path)
    {
        var article = new Article(articleId, path, translation.GetProperty("title").GetString() ?? string.Empty, string.Empty)
        {
            Source = translation.GetProperty("source").GetString(),
            Section = translation.GetProperty("section").GetString(),
        };
        var sentences = translation.GetProperty("sentences").EnumerateArray().ToList();
        var work = new ArticleWork(
            article,
            sentences.Select(s => new Sentence(
                s.GetProperty("id").GetString()!, s.GetProperty("start").GetInt32(), s.GetProperty("length").GetInt32(),
                s.GetProperty("ar").GetString()!, s.GetProperty("paragraph").GetInt32(), 0)).ToList(),
            []);
        foreach (var sentence in sentences)
        {
            var id = sentence.GetProperty("id").GetString()!;
            if (sentence.GetProperty("en").GetString() is { } en)
            {
                work.English[id] = en;
            }

            foreach (var flag in sentence.GetProperty("flags").Deserialize<List<Flag>>(OutputJson.Options) ?? [])
            {
                work.Flag(id, flag);
            }
        }

        if (claims.GetProperty("headline_en").GetString() is { } headline)
        {
            work.Summary = new MergeOutput(
                headline, claims.GetProperty("headline_ar").GetString() ?? string.Empty,
                claims.GetProperty("summary_en").GetString() ?? string.Empty, claims.GetProperty("summary_ar").GetString() ?? string.Empty, []);
        }

        work.Claims.AddRange(claims.GetProperty("claims").Deserialize<List<Claim>>(OutputJson.Options) ?? []);
        work.Failures.AddRange(claims.GetProperty("failures").Deserialize<List<Failure>>(OutputJson.Options) ?? []);
        work.Status = claims.GetProperty("status").GetString() ?? JobStatuses.Done;
        work.Reason = claims.GetProperty("reason").GetString();
        work.Written = true;
        return work;
    }
}

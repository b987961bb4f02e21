using Summarizer.Core.Ingest;
using Summarizer.Core.Segmentation;
using Summarizer.Core.Stages;
using Summarizer.Core.Validation;

namespace Summarizer.Core.Outputs;

/// <summary>
/// What one article's run produced, built once when its pipeline ends (or read back from its files) and never changed
/// after: the sentences with their English and flags, the summary, the claims, and whatever failed or was withheld.
/// QA, the files, the pages, the briefing and the manifest are all made from it.
/// </summary>
/// <param name="Article">The article.</param>
/// <param name="Sentences">Its sentences, s1..sN.</param>
/// <param name="Chunks">How many chunks it was sent in (0 for an article read back from its files).</param>
/// <param name="English">The English of each translated sentence, by id.</param>
/// <param name="SentenceFlags">The QA flags of each flagged sentence, by id.</param>
/// <param name="Summary">The merged summary, when merge gave a valid one.</param>
/// <param name="Claims">The final claims, with ids, sources and flags.</param>
/// <param name="Filtered">What a content filter stopped or the model refused.</param>
/// <param name="Failures">What failed, with reasons.</param>
/// <param name="Status">done, partial or failed.</param>
/// <param name="Reason">Why it failed, when it did.</param>
public sealed record ArticleResult(
    Article Article,
    IReadOnlyList<Sentence> Sentences,
    int Chunks,
    IReadOnlyDictionary<string, string> English,
    IReadOnlyDictionary<string, IReadOnlyList<Flag>> SentenceFlags,
    MergeOutput? Summary,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<FilteredItem> Filtered,
    IReadOnlyList<Failure> Failures,
    string Status,
    string? Reason)
{
    /// <summary>Gets where each sentence's English came from, by id, for sentences not translated by the model (human, tm).</summary>
    public IReadOnlyDictionary<string, string> Origins { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the flags of a sentence (none when it has none).</summary>
    public IReadOnlyList<Flag> FlagsOf(string sentenceId) => SentenceFlags.GetValueOrDefault(sentenceId) ?? [];

    /// <summary>Reads an article back from the files a job wrote for it.</summary>
    public static ArticleResult From(WrittenArticle written, string path)
    {
        var (translation, claims) = (written.Translation, written.Claims);
        var article = new Article(translation.Article, path, translation.Title ?? string.Empty, string.Empty)
        {
            Source = translation.Source,
            Section = translation.Section,
        };
        var summary = claims.HeadlineEn is { } headline
            ? new MergeOutput(headline, claims.HeadlineAr ?? string.Empty, claims.SummaryEn ?? string.Empty, claims.SummaryAr ?? string.Empty, [])
            : null;
        return new ArticleResult(
            article,
            translation.Sentences.Select(s => new Sentence(s.Id, s.Start, s.Length, s.Ar, s.Paragraph, 0)).ToList(),
            0,
            translation.Sentences.Where(s => s.En is not null).ToDictionary(s => s.Id, s => s.En!, StringComparer.Ordinal),
            translation.Sentences.Where(s => s.Flags is { Count: > 0 }).ToDictionary(s => s.Id, s => s.Flags, StringComparer.Ordinal),
            summary,
            claims.Claims ?? [],
            [],
            claims.Failures ?? [],
            claims.Status ?? JobStatuses.Done,
            claims.Reason)
        {
            Origins = translation.Sentences.Where(s => s.Origin is not null).ToDictionary(s => s.Id, s => s.Origin!, StringComparer.Ordinal),
        };
    }
}

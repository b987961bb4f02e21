using System.Text.Json.Serialization;
using Summarizer.Core.Validation;

namespace Summarizer.Core.Outputs;

/// <summary>The content of <c>translation.json</c>: sentence-aligned Arabic and English with offsets.</summary>
public sealed record TranslationFile(
    string Article,
    string Path,
    string Title,
    string? Source,
    string? Section,
    IReadOnlyList<TranslatedSentence> Sentences,
    Provenance Provenance);

/// <summary>A sentence with its translation (null when it failed), offsets into the normalised text and flags.</summary>
public sealed record TranslatedSentence(string Id, string Ar, string? En, int Start, int Length, int Paragraph, IReadOnlyList<Flag> Flags)
{
    /// <summary>Gets where the English came from when not from the model: <c>human</c> (a reviewer's edit) or <c>tm</c> (translation memory); absent for the model's.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Origin { get; init; }
}

/// <summary>The content of <c>claims.json</c>: summary, claims with citations and flags, and what failed.</summary>
public sealed record ClaimsFile(
    string Article,
    string Status,
    string? Reason,
    string? HeadlineEn,
    string? HeadlineAr,
    string? SummaryEn,
    string? SummaryAr,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<Failure> Failures,
    Provenance Provenance);

/// <summary>An article's two data files, as written and as read back.</summary>
public sealed record WrittenArticle(TranslationFile Translation, ClaimsFile Claims);

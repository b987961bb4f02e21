using Summarizer.Core.Jobs;
using Summarizer.Core.Validation;

namespace Summarizer.Core.Rendering;

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
public sealed record TranslatedSentence(string Id, string Ar, string? En, int Start, int Length, int Paragraph, IReadOnlyList<Flag> Flags);

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

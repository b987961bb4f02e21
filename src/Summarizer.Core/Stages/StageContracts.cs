namespace Summarizer.Core.Stages;

// The stage contracts (DESIGN.md). Code owns them; prompt versions change wording, never these shapes.
// Property order is the order written; JSON names are snake_case (see StageJson).

/// <summary>A sentence to translate.</summary>
public sealed record TranslateSentence(string Id, string Ar);

/// <summary>A preceding sentence with its translation, sent as read-only context.</summary>
public sealed record ContextSentence(string Id, string Ar, string En);

/// <summary>A glossary term present in the chunk.</summary>
public sealed record GlossaryEntry(string Ar, string En);

/// <summary>The answer of translate: one translation per requested id.</summary>
public sealed record TranslateOutput(IReadOnlyList<SentenceTranslation> Translations);

/// <summary>The translation of one sentence.</summary>
public sealed record SentenceTranslation(string Id, string En);

/// <summary>A translated sentence given to summarize.</summary>
public sealed record SummarizeSentence(string Id, string Ar, string En);

/// <summary>The answer of summarize: the chunk's claims.</summary>
public sealed record SummarizeOutput(IReadOnlyList<ClaimDraft> Claims);

/// <summary>A claim as a model writes it: English, Arabic and the sentence ids it rests on.</summary>
public sealed record ClaimDraft(string En, string Ar, IReadOnlyList<string> Sources);

/// <summary>A chunk claim given to merge, with its id.</summary>
public sealed record MergeClaim(string Id, string En, string Ar, IReadOnlyList<string> Sources);

/// <summary>The answer of merge: the article's headline, bilingual summary and claims.</summary>
public sealed record MergeOutput(string HeadlineEn, string HeadlineAr, string SummaryEn, string SummaryAr, IReadOnlyList<ClaimDraft> Claims);

/// <summary>One article as brief sees it.</summary>
public sealed record BriefArticle(string Article, string HeadlineEn, IReadOnlyList<BriefClaim> Claims);

/// <summary>A claim as brief sees it: English and article-local sources.</summary>
public sealed record BriefClaim(string En, IReadOnlyList<string> Sources);

/// <summary>The answer of brief: the job's briefing.</summary>
public sealed record BriefOutput(string Title, IReadOnlyList<BriefSection> Sections, IReadOnlyList<BriefConflict> Conflicts);

/// <summary>A section of the briefing.</summary>
public sealed record BriefSection(string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>A disagreement between articles, with the sources on each side.</summary>
public sealed record BriefConflict(string Description, IReadOnlyList<string> Sources);

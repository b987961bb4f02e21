using Summarizer.Core.Stages;


namespace Summarizer.Core.EngineSetup;

/// <summary>Prepared answers for one sample article (<c>samples/reference/&lt;article-id&gt;.json</c>).</summary>
public sealed record ReferenceArticle(
    string Article,
    string HeadlineEn,
    string HeadlineAr,
    string SummaryEn,
    string SummaryAr,
    IReadOnlyList<ReferenceSentence> Sentences,
    IReadOnlyList<ClaimDraft> Claims);

/// <summary>A sample sentence and its reference translation.</summary>
public sealed record ReferenceSentence(string Id, string Ar, string En);

/// <summary>The prepared briefing (<c>samples/reference/briefing.json</c>); paragraphs are kept when their articles are in the job.</summary>
public sealed record ReferenceBriefing(string Title, IReadOnlyList<ReferenceBriefingSection> Sections, IReadOnlyList<BriefConflict> Conflicts);

/// <summary>A section of the prepared briefing.</summary>
public sealed record ReferenceBriefingSection(string Heading, IReadOnlyList<ReferenceBriefingParagraph> Paragraphs);

/// <summary>A paragraph of the prepared briefing and the articles it needs.</summary>
public sealed record ReferenceBriefingParagraph(IReadOnlyList<string> Articles, string Text);

using Summarizer.Core.Store;

namespace Summarizer.Core.Exchange;

/// <summary>A job as a reviewer sees it: each article's sentences with their English and state after every recorded review.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Articles">Its articles with translations, in id order.</param>
public sealed record ReviewJob(string JobId, IReadOnlyList<ReviewArticle> Articles)
{
    /// <summary>Gets every segment, article by article.</summary>
    public IEnumerable<ReviewSegment> Segments => Articles.SelectMany(a => a.Segments);
}

/// <summary>An article of a reviewed job.</summary>
/// <param name="Id">The article id.</param>
/// <param name="Title">Its title.</param>
/// <param name="PromptVersion">The translate prompt version its English came from (e.g. <c>v1</c>), when recorded.</param>
/// <param name="Segments">Its sentences in reading order.</param>
public sealed record ReviewArticle(string Id, string Title, string? PromptVersion, IReadOnlyList<ReviewSegment> Segments);

/// <summary>A sentence as a unit of review.</summary>
/// <param name="Article">The article id.</param>
/// <param name="Id">The sentence id.</param>
/// <param name="Ar">The Arabic.</param>
/// <param name="En">The English after reviews (null when it was never translated).</param>
/// <param name="State">The review state (<see cref="ReviewStates"/>).</param>
/// <param name="Comment">The latest reviewer comment, if any.</param>
/// <param name="Notes">What the reviewer should know: QA findings and the claims that cite the sentence.</param>
public sealed record ReviewSegment(string Article, string Id, string Ar, string? En, string State, string? Comment, IReadOnlyList<ReviewNote> Notes)
{
    /// <summary>Gets the unit id, <c>&lt;article&gt;:&lt;sentence&gt;</c>.</summary>
    public string UnitId => UnitIds.Of(Article, Id);
}

/// <summary>A note on a unit.</summary>
/// <param name="From">Where it comes from (<see cref="ReviewNote.Qa"/>, <see cref="ReviewNote.Claim"/>, <see cref="ReviewNote.Reviewer"/>).</param>
/// <param name="Text">The note.</param>
/// <param name="Priority">1 (most important) to 10, as XLIFF counts.</param>
public sealed record ReviewNote(string From, string Text, int Priority)
{
    /// <summary>A QA finding.</summary>
    public const string Qa = "qa";

    /// <summary>A claim citing the sentence.</summary>
    public const string Claim = "claim";

    /// <summary>A reviewer's comment.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>Gets the sources of the notes export writes; any other note in an imported file is a reviewer's.</summary>
    public static IReadOnlySet<string> Exported { get; } = new HashSet<string>([Qa, Claim, Reviewer], StringComparer.Ordinal);
}

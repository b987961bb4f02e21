namespace Summarizer.Core.Store;

/// <summary>
/// The review states of a sentence or a claim: <c>translated</c> (as the model or the TM left it) → <c>reviewed</c> →
/// <c>approved</c>, or <c>rejected</c> with a comment. Approved sentences become translation memory.
/// </summary>
public static class ReviewStates
{
    /// <summary>Not reviewed yet: the model's (or the TM's) English.</summary>
    public const string Translated = "translated";

    /// <summary>A reviewer has read (and perhaps edited) it.</summary>
    public const string Reviewed = "reviewed";

    /// <summary>A reviewer approved it; approved sentences go into the translation memory.</summary>
    public const string Approved = "approved";

    /// <summary>A reviewer rejected it; the comment says why.</summary>
    public const string Rejected = "rejected";

    /// <summary>Gets every state, in the order a review advances.</summary>
    public static IReadOnlyList<string> All { get; } = [Translated, Reviewed, Approved, Rejected];
}

/// <summary>What a review record changes on its item.</summary>
public static class ReviewFields
{
    /// <summary>The English of a sentence or a claim.</summary>
    public const string English = "en";

    /// <summary>The review state (<see cref="ReviewStates"/>).</summary>
    public const string State = "state";

    /// <summary>A comment on the item, changing nothing else.</summary>
    public const string Comment = "comment";
}

/// <summary>One recorded review: a reviewer changed one field of one item (a sentence <c>s4</c> or a claim <c>k3</c>) of a job's article.</summary>
/// <param name="JobId">The reviewed job.</param>
/// <param name="Article">The article id.</param>
/// <param name="Item">The sentence id (<c>s4</c>) or claim id (<c>k3</c>).</param>
/// <param name="Field">What changed (<see cref="ReviewFields"/>).</param>
/// <param name="Old">The value before (the English, or the state).</param>
/// <param name="New">The value after.</param>
/// <param name="State">The item's state after this review.</param>
/// <param name="Comment">The reviewer's comment, if any (a rejection's reason).</param>
/// <param name="Time">When it was recorded.</param>
/// <param name="Reviewer">Who reviewed.</param>
public sealed record ReviewEdit(
    string JobId, string Article, string Item, string Field, string? Old, string? New, string State, string? Comment, DateTimeOffset Time, string Reviewer);

/// <summary>An item's latest review: its state, its English when a reviewer edited it, and the last comment.</summary>
/// <param name="State">The latest state.</param>
/// <param name="English">The reviewed English, or null when nobody edited it.</param>
/// <param name="Comment">The latest comment, if any.</param>
/// <param name="Reviewer">Who reviewed it last.</param>
/// <param name="Time">When.</param>
public sealed record ItemReview(string State, string? English, string? Comment, string Reviewer, DateTimeOffset Time);

/// <summary>A translation-memory entry: an approved English for a normalised Arabic sentence, and where it came from.</summary>
/// <param name="Ar">The Arabic sentence as it was approved.</param>
/// <param name="En">The approved English.</param>
/// <param name="JobId">The job it was approved in (or that a TMX file named).</param>
/// <param name="Article">The article it was approved in.</param>
/// <param name="Sentence">The sentence id it had there.</param>
/// <param name="PromptVersion">The translate prompt the job used (e.g. <c>v1</c>), when known.</param>
/// <param name="Reviewer">Who approved it.</param>
/// <param name="Time">When.</param>
public sealed record TmEntry(string Ar, string En, string? JobId, string? Article, string? Sentence, string? PromptVersion, string Reviewer, DateTimeOffset Time);

/// <summary>What the translation memory holds.</summary>
/// <param name="Entries">Segments.</param>
/// <param name="Jobs">Jobs they came from.</param>
/// <param name="Reviewers">Reviewers who approved them.</param>
/// <param name="Newest">When the newest was approved, if any.</param>
public sealed record TmStats(int Entries, int Jobs, int Reviewers, DateTimeOffset? Newest);

/// <summary>What has been reviewed in one job, counted by item state.</summary>
/// <param name="Records">Review records.</param>
/// <param name="Edited">Items whose English a reviewer changed.</param>
/// <param name="States">Items per latest state.</param>
public sealed record ReviewStats(int Records, int Edited, IReadOnlyDictionary<string, int> States);

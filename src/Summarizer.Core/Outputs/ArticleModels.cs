using Summarizer.Core.Validation;

namespace Summarizer.Core.Outputs;

/// <summary>A summary claim with its id, cited sentences and QA flags.</summary>
public sealed record Claim(string Id, string En, string Ar, IReadOnlyList<string> Sources, IReadOnlyList<Flag> Flags);

/// <summary>Something that could not be done, recorded with its reason instead of being dropped.</summary>
/// <param name="Article">The article id, or <c>*</c> for the job's brief.</param>
/// <param name="Stage">The stage.</param>
/// <param name="Item">What failed: a sentence id, chunk id, claim, or the stage's whole answer.</param>
/// <param name="Reason">Why.</param>
public sealed record Failure(string Article, string Stage, string Item, string Reason);

/// <summary>The statuses of articles and jobs.</summary>
public static class JobStatuses
{
    /// <summary>Everything was done.</summary>
    public const string Done = "done";

    /// <summary>Done, but some items failed and are listed.</summary>
    public const string Partial = "partial";

    /// <summary>Nothing usable was produced; the reason says why.</summary>
    public const string Failed = "failed";

    /// <summary>The file was rejected at ingest.</summary>
    public const string Rejected = "rejected";

    /// <summary>Started and not finished yet (or killed: resume continues it).</summary>
    public const string Running = "running";

    /// <summary>A batch job between rounds: a round is submitted to the provider; resume continues it.</summary>
    public const string Waiting = "waiting";

    /// <summary>Stopped by the user before finishing.</summary>
    public const string Cancelled = "cancelled";
}

/// <summary>
/// Text kept from a stage: stopped by a content filter (which category at which severity, on the prompt or the answer)
/// or refused by the model (in its own words). Either way the job goes on and the item is listed, never dropped.
/// </summary>
public sealed record FilteredItem(string Article, string Stage, string Item, IReadOnlyList<string> Sentences, string Category, string Severity)
{
    /// <summary>The kind of an item a content filter stopped.</summary>
    public const string ContentFilterKind = "content_filter";

    /// <summary>The kind of an item the model refused.</summary>
    public const string RefusedKind = "refused";

    /// <summary>Gets what kept the item: <see cref="ContentFilterKind"/> or <see cref="RefusedKind"/>.</summary>
    public string Kind { get; init; } = ContentFilterKind;

    /// <summary>Gets where the filter fired: <c>prompt</c> or <c>completion</c> (empty for refusals).</summary>
    public string Where { get; init; } = string.Empty;

    /// <summary>Gets the model's refusal in its own words, for refused items.</summary>
    public string? Refusal { get; init; }

    /// <summary>Gets why the item was kept, in one line.</summary>
    public string Reason => Kind == RefusedKind ? $"refused by the model: \"{Refusal}\"" : $"content filter: {Category}/{Severity} ({Where})";

    /// <summary>An item a content filter stopped.</summary>
    public static FilteredItem Filtered(string article, string stage, string item, IReadOnlyList<string> sentences, Engines.ContentFilterVerdict verdict) =>
        new(article, stage, item, sentences, verdict.Category, verdict.Severity) { Where = verdict.Where };

    /// <summary>An item the model refused, with its words.</summary>
    public static FilteredItem Refused(string article, string stage, string item, IReadOnlyList<string> sentences, string refusal) =>
        new(article, stage, item, sentences, "refusal", "n/a") { Kind = RefusedKind, Refusal = refusal };
}

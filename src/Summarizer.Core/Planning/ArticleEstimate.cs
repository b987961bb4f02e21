using Summarizer.Core.Ingest;

namespace Summarizer.Core.Planning;

/// <summary>
/// What a plan keeps of one article: its name, its counts and its per-stage estimates, never its text, sentences or
/// chunks, so planning a folder holds a few hundred bytes per article however long the articles are.
/// </summary>
/// <param name="Path">The file the article came from.</param>
/// <param name="Id">The article id, unique within the job.</param>
/// <param name="Title">The headline, or <see langword="null"/> when the file was rejected.</param>
/// <param name="Reason">The reason for a rejection, or <see langword="null"/> when the article is accepted.</param>
/// <param name="Message">A one-line explanation of a rejection.</param>
/// <param name="Sentences">The number of sentences.</param>
/// <param name="Chunks">The number of chunks.</param>
/// <param name="RemovedLines">The number of lines ingest removed as boilerplate or took as metadata.</param>
/// <param name="Stages">The estimates of the article's own calls (brief excluded).</param>
public sealed record ArticleEstimate(
    string Path,
    string Id,
    string? Title,
    RejectionReason? Reason,
    string? Message,
    int Sentences,
    int Chunks,
    int RemovedLines,
    IReadOnlyList<StageEstimate> Stages)
{
    /// <summary>Gets a value indicating whether the article will be processed.</summary>
    public bool IsAccepted => Reason is null;

    /// <summary>Gets the estimated input tokens of the article's own calls (brief excluded).</summary>
    public long InputTokens => Stages.Sum(s => s.InputTokens);

    /// <summary>Gets the estimated output tokens of the article's own calls (brief excluded).</summary>
    public long OutputTokens => Stages.Sum(s => s.OutputTokens);

    /// <summary>Gets the estimated claim tokens the article hands on to the brief stage.</summary>
    public long BriefInputTokens { get; init; }

    /// <summary>Gets the lines ingest removed and why, when the plan was asked to keep them; else empty.</summary>
    public IReadOnlyList<RemovedLine> Removed { get; init; } = [];

    /// <summary>Keeps the counts and estimates of a full article plan and lets go of its text (and, unless asked, of its removed lines).</summary>
    public static ArticleEstimate From(ArticlePlan plan, bool keepRemovedLines) => From(plan) with
    {
        Removed = keepRemovedLines ? plan.Ingest.Article?.RemovedLines ?? [] : [],
    };

    /// <summary>Keeps the counts and estimates of a full article plan and lets go of its text.</summary>
    public static ArticleEstimate From(ArticlePlan plan) => new(
        plan.Ingest.Path,
        plan.Id,
        plan.Ingest.Article?.Title,
        plan.Ingest.Reason,
        plan.Ingest.Message,
        plan.Sentences.Count,
        plan.Chunks.Count,
        plan.Ingest.Article?.RemovedLines.Count ?? 0,
        plan.Stages)
    {
        BriefInputTokens = plan.BriefInputTokens,
    };

    /// <summary>Formats the article as the one line the tool prints for it: <c>path: ok</c> or <c>path: rejected: reason</c>.</summary>
    public override string ToString() => IsAccepted
        ? $"{PrintableText.Escape(Path)}: ok"
        : $"{PrintableText.Escape(Path)}: rejected: {PrintableText.Escape(Message)}";
}

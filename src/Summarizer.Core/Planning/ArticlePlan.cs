using Summarizer.Core.Chunking;
using Summarizer.Core.Ingest;
using Summarizer.Core.Segmentation;

namespace Summarizer.Core.Planning;

/// <summary>
/// The full plan for one article: its ingest outcome (text included), sentences, chunks and per-stage estimates, as a
/// run needs them; a plan on its own keeps only the article's <see cref="ArticleEstimate"/>.
/// </summary>
public sealed record ArticlePlan(IngestResult Ingest, IReadOnlyList<Sentence> Sentences, IReadOnlyList<Chunk> Chunks, IReadOnlyList<StageEstimate> Stages)
{
    /// <summary>Gets the article id.</summary>
    public string Id => Ingest.Id;

    /// <summary>Gets a value indicating whether the article will be processed.</summary>
    public bool IsAccepted => Ingest.IsAccepted;

    /// <summary>Gets the estimated input tokens of the article's own calls (brief excluded).</summary>
    public long InputTokens => Stages.Sum(s => s.InputTokens);

    /// <summary>Gets the estimated output tokens of the article's own calls (brief excluded).</summary>
    public long OutputTokens => Stages.Sum(s => s.OutputTokens);

    /// <summary>Gets the estimated claim tokens the article hands on to the brief stage.</summary>
    public long BriefInputTokens { get; init; }
}

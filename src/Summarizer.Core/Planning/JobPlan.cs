namespace Summarizer.Core.Planning;

/// <summary>The plan of a whole job: per-article estimates, the brief call, totals and cost.</summary>
/// <param name="Articles">The article estimates, in input order (rejected ones included).</param>
/// <param name="Stages">The estimates summed per stage over the whole job, brief included.</param>
/// <param name="Model">The model whose prices were used.</param>
/// <param name="CostUsd">The estimated cost, or <see langword="null"/> when the model has no price.</param>
/// <param name="ChunkTokens">The chunk budget used.</param>
/// <param name="Encoding">The token encoding used.</param>
public sealed record JobPlan(
    IReadOnlyList<ArticleEstimate> Articles,
    IReadOnlyList<StageEstimate> Stages,
    string Model,
    decimal? CostUsd,
    int ChunkTokens,
    string Encoding)
{
    /// <summary>Gets, for a job planned in provider batches, its rounds without failures: translate, summarize, merge, brief (one more carries repairs and failed lines).</summary>
    public int? BatchRounds { get; init; }

    /// <summary>Gets the number of rejected articles.</summary>
    public int Rejected => Articles.Count(a => !a.IsAccepted);

    /// <summary>Gets the number of sentences over all articles.</summary>
    public int Sentences => Articles.Sum(a => a.Sentences);

    /// <summary>Gets the number of chunks over all articles.</summary>
    public int Chunks => Articles.Sum(a => a.Chunks);

    /// <summary>Gets the number of model calls over all stages.</summary>
    public int Calls => Stages.Sum(s => s.Calls);

    /// <summary>Gets the estimated input tokens over all stages.</summary>
    public long InputTokens => Stages.Sum(s => s.InputTokens);

    /// <summary>Gets the estimated output tokens over all stages.</summary>
    public long OutputTokens => Stages.Sum(s => s.OutputTokens);
}

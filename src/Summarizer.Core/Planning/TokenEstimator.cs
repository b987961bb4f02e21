using Microsoft.Extensions.Options;
using Summarizer.Core.Chunking;
using Summarizer.Core.Tokens;

namespace Summarizer.Core.Planning;

/// <summary>Estimates each stage's calls and tokens from chunk sizes, and prices them.</summary>
public sealed class TokenEstimator(IOptions<PlanningOptions> planning, IOptions<PricingOptions> pricing, ITokenCounter tokens)
{
    private readonly PlanningOptions _planning = planning.Value;

    /// <summary>Estimates the article's translate, summarize and merge calls; also returns the claim tokens it hands to brief.</summary>
    public (IReadOnlyList<StageEstimate> Stages, long BriefInputTokens) EstimateArticle(string title, IReadOnlyList<Chunk> chunks)
    {
        var titleTokens = tokens.Count(title);
        var overhead = _planning.ItemOverheadTokens;
        long translateIn = 0, translateOut = 0, summarizeIn = 0, summarizeOut = 0;
        foreach (var chunk in chunks)
        {
            var items = chunk.Sentences.Count;
            var english = Scale(chunk.SourceTokens, _planning.EnglishPerArabicToken);
            var contextEnglish = Scale(chunk.ContextTokens, _planning.EnglishPerArabicToken);

            translateIn += _planning.PromptTokens.Translate + titleTokens + chunk.SourceTokens + (items * overhead)
                + chunk.ContextTokens + contextEnglish + (chunk.Context.Count * overhead);
            translateOut += english + (items * overhead);

            var claims = Scale(chunk.SourceTokens, _planning.ClaimsPerSourceToken);
            summarizeIn += _planning.PromptTokens.Summarize + titleTokens + chunk.SourceTokens + english + (items * overhead);
            summarizeOut += claims;
        }

        var hasChunks = chunks.Count > 0;
        var mergeIn = hasChunks ? _planning.PromptTokens.Merge + titleTokens + summarizeOut : 0;
        var mergeOut = hasChunks ? Scale(summarizeOut, _planning.MergeOutputPerInputToken) : 0;

        // Brief sees each article's English headline and English claims: about half of merge's bilingual output.
        var briefInput = mergeOut / 2;
        return (
            [
                new StageEstimate(StageNames.Translate, chunks.Count, translateIn, translateOut),
                new StageEstimate(StageNames.Summarize, chunks.Count, summarizeIn, summarizeOut),
                new StageEstimate(StageNames.Merge, hasChunks ? 1 : 0, mergeIn, mergeOut),
            ],
            briefInput);
    }

    /// <summary>Estimates the job's single brief call from the claim tokens the articles hand on.</summary>
    public StageEstimate EstimateBrief(long briefInputTokens, int articles) => articles == 0
        ? new StageEstimate(StageNames.Brief, 0, 0, 0)
        : new StageEstimate(
            StageNames.Brief,
            1,
            _planning.PromptTokens.Brief + briefInputTokens + (articles * _planning.ItemOverheadTokens),
            Scale(briefInputTokens, _planning.BriefOutputPerInputToken));

    /// <summary>Prices tokens for a model, at the batch discount for batch calls; <see langword="null"/> when the price table does not list it.</summary>
    public decimal? Cost(string model, long inputTokens, long outputTokens, bool batch) =>
        batch && Cost(model, inputTokens, outputTokens) is { } realtime ? Math.Round(realtime * pricing.Value.BatchDiscount, 6) : Cost(model, inputTokens, outputTokens);

    /// <summary>Prices tokens at the realtime rate of the model; null when the price table lacks it.</summary>
    public decimal? Cost(string model, long inputTokens, long outputTokens) =>
        pricing.Value.Models.TryGetValue(model, out var price)
            ? Math.Round((inputTokens * price.InputPerMillion / 1_000_000m) + (outputTokens * price.OutputPerMillion / 1_000_000m), 6)
            : null;

    private static long Scale(long value, double factor) => (long)Math.Ceiling(value * factor);
}

using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Summarizer.Core.Tokens;

namespace Summarizer.Core.Planning;

/// <summary>
/// Sizes one call's max_tokens from its input, with the factors <see cref="TokenEstimator"/> plans with and some
/// headroom. A quota charges prompt + max_tokens at admission, so a fixed per-stage max_tokens spends quota on room no
/// answer uses; the prompt file's max_tokens stays the ceiling. When an answer is still cut off, the stage caller
/// retries once with twice the room and then splits the work. Pure: no I/O, no state.
/// </summary>
public sealed class OutputBudget(IOptions<PlanningOptions> planning, ITokenCounter tokens)
{
    // The answer's outer JSON ({"translations":[ … ]} and the like).
    private const int Envelope = 16;

    private readonly PlanningOptions _planning = planning.Value;

    /// <summary>Returns the max_tokens for a call of <paramref name="stage"/> with <paramref name="input"/>, at most <paramref name="ceiling"/>.</summary>
    public int For(string stage, JsonObject input, int ceiling)
    {
        ArgumentNullException.ThrowIfNull(input);
        var overhead = _planning.ItemOverheadTokens;
        double expected = stage switch
        {
            // One English sentence per Arabic one.
            StageNames.Translate => Items(input, "sentences").Sum(s => (Count(s, "ar") * _planning.EnglishPerArabicToken) + overhead),

            // Claims in English and Arabic, their length a share of the source; each sentence may carry one, framed
            // twice over (two texts and a list of sources).
            StageNames.Summarize => Items(input, "sentences").Sum(s => (Count(s, "ar") * _planning.ClaimsPerSourceToken) + (2 * overhead)),

            // The merged claims may restate every claim given (both languages), plus headlines and a two-language summary.
            StageNames.Merge => Items(input, "claims").Sum(c => Count(c, "en") + Count(c, "ar") + overhead)
                + (2 * Count(input, "title")) + _planning.MergeSummaryTokens,

            // The briefing cites each English claim it was given, under a heading per article.
            StageNames.Brief => Items(input, "articles").Sum(a => Count(a, "headline_en") + overhead
                + Items(a, "claims").Sum(c => Count(c, "en") + overhead)),
            _ => ceiling,
        };

        var room = (int)Math.Ceiling((expected * _planning.OutputHeadroom) + Envelope);
        return Math.Clamp(room, Math.Min(_planning.MinOutputTokens, ceiling), ceiling);
    }

    private static IEnumerable<JsonObject> Items(JsonObject input, string name) => (input[name] as JsonArray ?? []).OfType<JsonObject>();

    private int Count(JsonObject item, string name) => item[name] is JsonValue value && value.TryGetValue<string>(out var text) ? tokens.Count(text) : 0;
}

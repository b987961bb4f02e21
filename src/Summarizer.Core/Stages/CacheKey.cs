using System.Text.Json.Nodes;

namespace Summarizer.Core.Stages;

/// <summary>
/// The response cache key: SHA-256 over engine kind, model or deployment, stage, prompt file hash, canonical input JSON
/// and execution settings. Anything that could change an answer is in it; nothing else is.
/// </summary>
public static class CacheKey
{
    /// <summary>Computes the key and the hash of the input alone.</summary>
    public static (string Key, string InputSha256) For(string engine, string model, string stage, string promptSha256, JsonObject input, CacheSettings settings)
    {
        var inputText = CanonicalJson.Text(input);
        var material = new JsonObject
        {
            ["engine"] = engine,
            ["model"] = model,
            ["stage"] = stage,
            ["prompt_sha256"] = promptSha256,
            ["input"] = JsonNode.Parse(inputText),
            ["settings"] = new JsonObject { ["temperature"] = settings.Temperature, ["max_tokens"] = settings.MaxTokens, ["response_format"] = settings.ResponseFormat },
        };

        // Added only when set, so keys written before seeds and reasoning models existed still match.
        if (settings.Seed is { } seed)
        {
            material["settings"]!["seed"] = seed;
        }

        if (settings.ReasoningEffort is { } effort)
        {
            material["settings"]!["reasoning_effort"] = effort;
        }
        return (CanonicalJson.Sha256(material), CanonicalJson.Hash(inputText));
    }
}

/// <summary>The execution settings that enter a cache key.</summary>
/// <param name="Temperature">The temperature sent, or null when none is (reasoning models).</param>
/// <param name="MaxTokens">The prompt file's output ceiling.</param>
/// <param name="ResponseFormat">json_schema, json_object or none.</param>
/// <param name="Seed">The seed sent, if any.</param>
/// <param name="ReasoningEffort">The reasoning effort sent, if any.</param>
public sealed record CacheSettings(double? Temperature, int MaxTokens, string ResponseFormat, long? Seed = null, string? ReasoningEffort = null);

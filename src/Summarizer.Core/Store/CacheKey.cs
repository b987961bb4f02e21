using System.Text.Json.Nodes;

namespace Summarizer.Core.Store;

/// <summary>
/// The response cache key: SHA-256 over engine kind, model or deployment, stage, prompt file hash, canonical input JSON
/// and execution settings. Anything that could change an answer is in it; nothing else is.
/// </summary>
public static class CacheKey
{
    /// <summary>Computes the key and the hash of the input alone.</summary>
    public static (string Key, string InputSha256) For(string engine, string model, string stage, string promptSha256, JsonObject input, double temperature, int maxTokens, string responseFormat)
    {
        var inputText = CanonicalJson.Text(input);
        var material = new JsonObject
        {
            ["engine"] = engine,
            ["model"] = model,
            ["stage"] = stage,
            ["prompt_sha256"] = promptSha256,
            ["input"] = JsonNode.Parse(inputText),
            ["settings"] = new JsonObject { ["temperature"] = temperature, ["max_tokens"] = maxTokens, ["response_format"] = responseFormat },
        };
        return (CanonicalJson.Sha256(material), CanonicalJson.Hash(inputText));
    }
}

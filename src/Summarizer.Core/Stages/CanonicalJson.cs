using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Summarizer.Core.Stages;

/// <summary>Canonical JSON (object keys sorted, compact) and its SHA-256, so equal inputs always hash alike.</summary>
public static class CanonicalJson
{
    /// <summary>Returns the canonical text of a JSON node.</summary>
    public static string Text(JsonNode? node) => Sort(node)?.ToJsonString(StageJson.Options) ?? "null";

    /// <summary>Returns the SHA-256 (lower-case hex) of the canonical text.</summary>
    public static string Sha256(JsonNode? node) => Hash(Text(node));

    /// <summary>Returns the SHA-256 (lower-case hex) of UTF-8 text.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sort).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };
}

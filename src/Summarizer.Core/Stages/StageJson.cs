using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Summarizer.Core.Stages;

/// <summary>
/// JSON for stage inputs, answers and the response schemas sent as <c>response_format</c>.
/// The schema is generated from the contract types and made strict (every property required, no extra properties).
/// </summary>
public static class StageJson
{
    /// <summary>Gets the serializer options of all stage JSON: snake_case, compact, Arabic written as is.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private static readonly ConcurrentDictionary<Type, JsonObject> Schemas = new();

    /// <summary>Serialises a stage input value to JSON text (the form it takes as an input variable).</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Parses a model answer into a contract type.</summary>
    /// <exception cref="JsonException">The text is not JSON of that shape.</exception>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(StripCodeFence(json), Options) ?? throw new JsonException("The answer is JSON null.");

    /// <summary>Gets the strict JSON schema of a contract type (built once per type; callers get their own copy).</summary>
    public static JsonObject Schema(Type type) => (JsonObject)Schemas.GetOrAdd(type, BuildSchema).DeepClone();

    private static JsonObject BuildSchema(Type type)
    {
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (_, node) =>
            {
                if (node is JsonObject obj && obj["properties"] is JsonObject properties)
                {
                    obj["additionalProperties"] = false;
                    obj["required"] = new JsonArray(properties.Select(p => (JsonNode)JsonValue.Create(p.Key)).ToArray());
                }

                return node;
            },
        };
        return (JsonObject)Options.GetJsonSchemaAsNode(type, exporter);
    }

    /// <summary>Some servers wrap JSON in a Markdown code fence even when asked not to; take what is inside.</summary>
    private static string StripCodeFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var firstLineEnd = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var lastFence = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstLineEnd > 0 && lastFence > firstLineEnd ? trimmed[(firstLineEnd + 1)..lastFence].Trim() : trimmed;
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Summarizer.Core.Files;

/// <summary>JSON settings of every output file: snake_case, indented, Arabic readable.</summary>
public static class OutputJson
{
    /// <summary>Gets the options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Serialises a value.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}

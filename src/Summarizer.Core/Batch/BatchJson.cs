using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Summarizer.Core.Batch;

/// <summary>
/// How the Batch API's JSON is read and written: snake_case names as the service spells them, nulls left out of what
/// is written, and Arabic kept as Arabic in JSONL lines (escaping every letter as <c>\uXXXX</c> would triple a file's
/// bytes against the 200 MB limit).
/// </summary>
public static class BatchJson
{
    /// <summary>Gets the serializer options for batch records.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads one record, or returns <see langword="null"/> when the text is not JSON of that shape.</summary>
    public static T? TryRead<T>(string text)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Splits JSONL text into its non-blank lines.</summary>
    public static IEnumerable<string> Lines(string jsonl) =>
        jsonl.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !string.IsNullOrWhiteSpace(l));
}

using System.Text.Json;

namespace Summarizer.Core.Ingest;

/// <summary>
/// Reads articles given as JSON: one object <c>{"title","body","source","published"}</c> or an array of them.
/// </summary>
public sealed class JsonArticleReader
{
    /// <summary>
    /// Reads the documents in the JSON text. Each item of an array is read on its own: a bad item is returned
    /// as its error, so the good items of the same file still become articles.
    /// </summary>
    /// <exception cref="IngestException">The JSON is malformed, or is neither an object nor a non-empty array.</exception>
    internal IReadOnlyList<JsonArticleItem> Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new IngestException(RejectionReason.Unsupported, $"malformed JSON at line {ex.LineNumber + 1}: {FirstLine(ex.Message)}");
        }

        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => [new JsonArticleItem(null, ReadObject(root, null), null)],
                JsonValueKind.Array => root.GetArrayLength() == 0
                    ? throw new IngestException(RejectionReason.Empty, "JSON array holds no articles")
                    : root.EnumerateArray().Select((item, i) => ReadItem(item, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
                _ => throw new IngestException(RejectionReason.Unsupported, "JSON must be an article object or an array of them"),
            };
        }
    }

    private static JsonArticleItem ReadItem(JsonElement element, string suffix)
    {
        try
        {
            return new JsonArticleItem(suffix, ReadObject(element, suffix), null);
        }
        catch (IngestException ex)
        {
            return new JsonArticleItem(suffix, null, ex);
        }
    }

    private static RawDocument ReadObject(JsonElement element, string? suffix)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new IngestException(RejectionReason.Unsupported, $"JSON item {suffix} is not an object");
        }

        var body = Text(element, "body");
        if (body is null)
        {
            throw new IngestException(RejectionReason.Unsupported, suffix is null ? "JSON article has no \"body\" string" : $"JSON item {suffix} has no \"body\" string");
        }

        return new RawDocument(body, "json")
        {
            Title = Text(element, "title"),
            Source = Text(element, "source"),
            Published = Text(element, "published"),
            IdSuffix = suffix,
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}

/// <summary>One article of a JSON file: its document, or why it could not be read.</summary>
internal sealed record JsonArticleItem(string? Suffix, RawDocument? Document, IngestException? Error);

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

        try
        {
            return ReadFields(element, suffix);
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate in a property name: looking up "body" compares names, and the comparison throws.
            throw LoneSurrogateError("property name", element);
        }
    }

    private static RawDocument ReadFields(JsonElement element, string? suffix)
    {
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

    private static string? Text(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            throw LoneSurrogateError($"\"{name}\"", value);
        }
    }

    /// <summary>
    /// System.Text.Json parses <c>"\ud800"</c> but cannot turn it into a string: half a character, so the producer cut or
    /// damaged the text there. Rejected like invalid UTF-8 bytes, never repaired into something nobody wrote.
    /// </summary>
    private static IngestException LoneSurrogateError(string where, JsonElement element)
    {
        var escape = LoneSurrogate(element.GetRawText()) is { } found ? $" {found}" : string.Empty;
        return new IngestException(RejectionReason.Undecodable, $"JSON {where} holds a lone surrogate escape{escape} (half of a character)");
    }

    /// <summary>Finds the first <c>\uD800</c>–<c>\uDFFF</c> escape in raw JSON string text that is not one half of a pair.</summary>
    private static string? LoneSurrogate(string raw)
    {
        for (var i = 0; i < raw.Length - 1; i++)
        {
            if (raw[i] != '\\')
            {
                continue;
            }

            if (Escape(raw, i) is not { } unit)
            {
                i++; // an escaped backslash or quote: its second character must not start another escape
                continue;
            }

            if (unit is >= 0xDC00 and <= 0xDFFF || (unit is >= 0xD800 and <= 0xDBFF && Escape(raw, i + 6) is not (>= 0xDC00 and <= 0xDFFF)))
            {
                return raw.Substring(i, 6);
            }

            i += unit is >= 0xD800 and <= 0xDBFF ? 11 : 5;
        }

        return null;
    }

    /// <summary>Reads the code unit of a <c>\uXXXX</c> escape starting at <paramref name="at"/>, or null when there is none.</summary>
    private static int? Escape(string raw, int at) =>
        at + 6 <= raw.Length && raw[at] == '\\' && raw[at + 1] == 'u'
            && int.TryParse(raw.AsSpan(at + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var unit)
            ? unit
            : null;

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}

/// <summary>One article of a JSON file: its document, or why it could not be read.</summary>
internal sealed record JsonArticleItem(string? Suffix, RawDocument? Document, IngestException? Error);

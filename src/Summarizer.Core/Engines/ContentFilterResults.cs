using System.Text.Json;

namespace Summarizer.Core.Engines;

/// <summary>
/// Reads Azure OpenAI's content filter annotations, wherever the service puts them: a 400's
/// <c>error.innererror.content_filter_result</c> or <c>error.inner_error.content_filter_results</c>, an answer's
/// <c>choices[i].content_filter_results</c>, and its <c>prompt_filter_results[i].content_filter_results</c>. Each is a
/// map of category to <c>{"filtered": bool, "severity": "safe|low|medium|high"}</c> (or <c>"detected"</c> for jailbreak
/// and protected material).
/// </summary>
public static class ContentFilterResults
{
    /// <summary>Reads the verdict of a 400 error body's <c>error</c> object.</summary>
    public static ContentFilterVerdict FromError(JsonElement error)
    {
        foreach (var (inner, results) in new[] { ("innererror", "content_filter_result"), ("inner_error", "content_filter_results") })
        {
            if (error.TryGetProperty(inner, out var innerError) && innerError.ValueKind == JsonValueKind.Object &&
                innerError.TryGetProperty(results, out var map) && FirstFiltered(map, "prompt") is { } verdict)
            {
                return verdict;
            }
        }

        return new ContentFilterVerdict("unknown", "unknown", "prompt");
    }

    /// <summary>Reads the verdict of a completion body whose choice finished with <c>content_filter</c>.</summary>
    public static ContentFilterVerdict FromCompletion(JsonElement completion)
    {
        if (completion.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array)
        {
            foreach (var choice in choices.EnumerateArray())
            {
                if (choice.ValueKind == JsonValueKind.Object && choice.TryGetProperty("content_filter_results", out var map) && FirstFiltered(map, "completion") is { } verdict)
                {
                    return verdict;
                }
            }
        }

        if (completion.TryGetProperty("prompt_filter_results", out var prompts) && prompts.ValueKind == JsonValueKind.Array)
        {
            foreach (var prompt in prompts.EnumerateArray())
            {
                if (prompt.ValueKind == JsonValueKind.Object && prompt.TryGetProperty("content_filter_results", out var map) && FirstFiltered(map, "prompt") is { } verdict)
                {
                    return verdict;
                }
            }
        }

        return new ContentFilterVerdict("unknown", "unknown", "completion");
    }

    private static ContentFilterVerdict? FirstFiltered(JsonElement map, string where)
    {
        if (map.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var category in map.EnumerateObject())
        {
            if (category.Value.ValueKind == JsonValueKind.Object && category.Value.TryGetProperty("filtered", out var filtered) && filtered.ValueKind == JsonValueKind.True)
            {
                var severity = category.Value.TryGetProperty("severity", out var s) && s.ValueKind == JsonValueKind.String
                    ? s.GetString()!
                    : category.Value.TryGetProperty("detected", out var d) && d.ValueKind == JsonValueKind.True ? "detected" : "unknown";
                return new ContentFilterVerdict(category.Name, severity, where);
            }
        }

        return null;
    }
}

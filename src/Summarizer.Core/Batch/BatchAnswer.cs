using System.Text.Json.Nodes;
using Summarizer.Core.Store;

namespace Summarizer.Core.Batch;

/// <summary>
/// What became of one line of a batch: answered (<see cref="BatchOutcomes.Succeeded"/>, the chat completion body kept
/// raw for the stage to validate as the realtime path does), failed with the line's status or error, or missing (the
/// batch expired or was cancelled before the line ran).
/// </summary>
/// <param name="CustomId">The line's id.</param>
/// <param name="Outcome">One of <see cref="BatchOutcomes"/>.</param>
/// <param name="StatusCode">The line's HTTP status, when it got one.</param>
/// <param name="Body">The response body as the service wrote it, when there was one.</param>
/// <param name="ErrorCode">The error code of a failed or missing line.</param>
/// <param name="ErrorMessage">The error message of a failed or missing line.</param>
public sealed record BatchAnswer(string CustomId, string Outcome, int? StatusCode, string? Body, string? ErrorCode, string? ErrorMessage)
{
    /// <summary>Gets the assistant content of an answered line (<c>choices[0].message.content</c>), or <see langword="null"/>.</summary>
    public string? Content => Choice()?["message"]?["content"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>Gets the answer's <c>finish_reason</c>, or <see langword="null"/>.</summary>
    public string? FinishReason => Choice()?["finish_reason"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>Gets the answer's <c>usage.prompt_tokens</c> and <c>usage.completion_tokens</c> (0 when absent).</summary>
    public (long Input, long Output) Usage => Parsed()?["usage"] is JsonObject usage
        ? (Number(usage["prompt_tokens"]), Number(usage["completion_tokens"]))
        : (0, 0);

    /// <summary>The answer as the store keeps it.</summary>
    public StoredBatchAnswer ToStored() => new(CustomId, Outcome, StatusCode, Body, ErrorCode, ErrorMessage);

    /// <summary>An answer the store kept.</summary>
    public static BatchAnswer From(StoredBatchAnswer stored) =>
        new(stored.CustomId, stored.Outcome, stored.StatusCode, stored.Body, stored.ErrorCode, stored.ErrorMessage);

    private JsonNode? Choice() => Parsed()?["choices"] is JsonArray { Count: > 0 } choices ? choices[0] : null;

    private JsonNode? Parsed()
    {
        if (Body is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(Body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static long Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<long>(out var n) ? n : 0;
}

/// <summary>The outcomes of a batch line.</summary>
public static class BatchOutcomes
{
    /// <summary>The line got a 2xx answer.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>The line got an error status (429, 500 …) or an error.</summary>
    public const string Failed = "failed";

    /// <summary>The line never ran (the batch expired, was cancelled or failed validation before it did).</summary>
    public const string Missing = "missing";
}

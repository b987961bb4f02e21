using System.Text.Json.Nodes;

namespace Summarizer.Core.Batch;

/// <summary>One call of a round: the id its answer comes back under, the path and the chat request body.</summary>
/// <param name="CustomId">The call's id (the cache key), unique within a round.</param>
/// <param name="Url">The chat completions path of the surface (<see cref="BatchApi.RequestUrl"/>).</param>
/// <param name="Body">The exact request the realtime path would send, <c>model</c> included.</param>
public sealed record BatchCall(string CustomId, string Url, JsonObject Body)
{
    /// <summary>Gets the call as a JSONL input line.</summary>
    public BatchRequestLine Line => new(CustomId, "POST", Url, Body);
}

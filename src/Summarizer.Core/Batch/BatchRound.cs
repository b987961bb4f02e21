using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Summarizer.Core.Tokens;

namespace Summarizer.Core.Batch;

/// <summary>
/// Turns a round's calls into JSONL input files: split where a file would pass the provider's request or byte limit,
/// and stopped where the enqueued-token bound would be passed (the rest waits for a later submission). Pure: no I/O.
/// </summary>
public sealed class BatchRound(ITokenCounter tokens)
{
    /// <summary>Plans a round.</summary>
    /// <param name="calls">The calls, in the order they should run.</param>
    /// <param name="limits">The per-file limits and the token bound.</param>
    /// <param name="enqueued">The tokens of batches already submitted and not yet ended.</param>
    /// <exception cref="ArgumentException">Two calls share a custom id, or one line alone passes the byte limit.</exception>
    public BatchRoundPlan Plan(IReadOnlyList<BatchCall> calls, BatchLimits limits, long enqueued = 0)
    {
        var duplicate = calls.GroupBy(c => c.CustomId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"custom_id '{duplicate.Key}' appears twice in one round; the service rejects the file", nameof(calls));
        }

        var files = new List<BatchFile>();
        var ids = new List<string>();
        var content = new MemoryStream();
        long fileTokens = 0;
        var total = enqueued;
        var deferred = new List<BatchCall>();
        foreach (var call in calls)
        {
            var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(call.Line, BatchJson.Options) + "\n");
            if (line.Length > limits.MaxBytes)
            {
                throw new ArgumentException($"the request of '{call.CustomId}' is {line.Length} bytes, more than a batch file may hold ({limits.MaxBytes})", nameof(calls));
            }

            var estimate = Estimate(call.Body);

            // Once one call waits, every later one waits too, so a round keeps its order. Nothing enqueued at all
            // admits one call whatever its size: a bound below one request must not stall the job.
            var nothingEnqueued = total == 0;
            if (deferred.Count > 0 || (limits.EnqueuedTokens > 0 && total + estimate > limits.EnqueuedTokens && !nothingEnqueued))
            {
                deferred.Add(call);
                continue;
            }

            if (ids.Count == limits.MaxRequests || content.Length + line.Length > limits.MaxBytes)
            {
                files.Add(new BatchFile(ids, content.ToArray(), fileTokens));
                (ids, content, fileTokens) = ([], new MemoryStream(), 0);
            }

            ids.Add(call.CustomId);
            content.Write(line);
            fileTokens += estimate;
            total += estimate;
        }

        if (ids.Count > 0)
        {
            files.Add(new BatchFile(ids, content.ToArray(), fileTokens));
        }

        return new BatchRoundPlan(files, deferred);
    }

    /// <summary>
    /// The prompt tokens of a chat request as the enqueued-token quota counts them: the o200k tokens of every message's
    /// content plus the few each message's framing costs.
    /// </summary>
    public long Estimate(JsonObject body)
    {
        long sum = 0;
        foreach (var message in (body["messages"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var text = message["content"] switch
            {
                JsonValue value when value.TryGetValue<string>(out var s) => s,
                JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => p["text"]?.GetValue<string>())),
                _ => string.Empty,
            };
            sum += tokens.Count(text) + MessageOverhead;
        }

        return sum;
    }

    // What each message's role and separators cost in the chat format.
    private const int MessageOverhead = 4;
}

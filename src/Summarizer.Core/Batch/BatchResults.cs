using System.Text.Json;
using System.Text.Json.Nodes;

namespace Summarizer.Core.Batch;

/// <summary>
/// Matches an ended batch's output and error files to the lines submitted, by <c>custom_id</c> (the files come in any
/// order): every submitted line gets exactly one <see cref="BatchAnswer"/>. Pure: the files are given as text.
/// </summary>
public static class BatchResults
{
    /// <summary>The error codes the service gives lines that never ran.</summary>
    private static readonly HashSet<string> NeverRan = new(StringComparer.Ordinal) { "batch_expired", "batch_cancelled" };

    /// <summary>Matches the files of <paramref name="batch"/> to the lines submitted.</summary>
    /// <param name="batch">The batch, ended.</param>
    /// <param name="submitted">The custom ids of the input file, in line order.</param>
    /// <param name="output">The output file's text, or <see langword="null"/> when there is none.</param>
    /// <param name="errors">The error file's text, or <see langword="null"/> when there is none.</param>
    public static IReadOnlyList<BatchAnswer> Match(BatchObject batch, IReadOnlyList<string> submitted, string? output, string? errors)
    {
        var wanted = submitted.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, BatchAnswer>(StringComparer.Ordinal);
        foreach (var text in new[] { output, errors })
        {
            foreach (var line in BatchJson.Lines(text ?? string.Empty))
            {
                // A line that cannot be read names no custom id: its request counts as missing below, and is resubmitted.
                if (BatchJson.TryRead<BatchOutputLine>(line) is not { CustomId: { } id } parsed || !wanted.Contains(id))
                {
                    continue;
                }

                var answer = Answer(id, parsed);
                if (!found.TryGetValue(id, out var earlier) || (earlier.Outcome != BatchOutcomes.Succeeded && answer.Outcome == BatchOutcomes.Succeeded))
                {
                    found[id] = answer;
                }
            }
        }

        var lineErrors = (batch.Errors?.Data ?? []).Where(e => e.Line is > 0 && e.Line <= submitted.Count).GroupBy(e => e.Line!.Value).ToDictionary(g => g.Key, g => g.First());
        return submitted.Select((id, index) => found.GetValueOrDefault(id) ?? Unanswered(batch, id, lineErrors.GetValueOrDefault(index + 1))).ToList();
    }

    private static BatchAnswer Answer(string id, BatchOutputLine line)
    {
        var body = line.Response?.Body is { } node ? node.ToJsonString(BatchJson.Options) : null;
        if (line.Response is { StatusCode: >= 200 and < 300 } && line.Error is null)
        {
            return new BatchAnswer(id, BatchOutcomes.Succeeded, line.Response.StatusCode, body, null, null);
        }

        var bodyError = line.Response?.Body?["error"] as JsonObject;
        var code = line.Error?.Code ?? Text(bodyError?["code"]) ?? line.Response?.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "error";
        var message = line.Error?.Message ?? Text(bodyError?["message"]) ?? "the line failed without a message";
        var outcome = NeverRan.Contains(code) ? BatchOutcomes.Missing : BatchOutcomes.Failed;
        return new BatchAnswer(id, outcome, line.Response?.StatusCode, body, code, message);
    }

    private static BatchAnswer Unanswered(BatchObject batch, string id, BatchError? lineError)
    {
        if (lineError is not null)
        {
            return new BatchAnswer(id, BatchOutcomes.Failed, null, null, lineError.Code ?? "invalid_request", lineError.Message ?? "the service rejected this line");
        }

        var reason = batch.Status switch
        {
            BatchStatuses.Failed => "batch failed validation before this line ran" + (batch.Errors?.Data is { Count: > 0 } e ? $" ({e[0].Code}: {e[0].Message})" : string.Empty),
            BatchStatuses.Expired => "batch expired before this line ran",
            BatchStatuses.Cancelled => "batch was cancelled before this line ran",
            _ => $"batch ended '{batch.Status}' without this line in its output or error file",
        };
        return new BatchAnswer(id, BatchOutcomes.Missing, null, null, "batch_" + batch.Status, reason);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()
        : null;
}

using System.Text.Json;
using Summarizer.Core.Batch;

namespace Summarizer.Core.Tests.Batch;

/// <summary>The published shapes of the Batch API's records read into the typed records, and output lines matched to what was sent.</summary>
public sealed class BatchRecordsTests
{
    // The batch object as the Batch API reference shows it (status, request_counts, errors.data with line numbers).
    private const string BatchJsonText = """
        {"id":"batch_abc123","object":"batch","endpoint":"/v1/chat/completions","errors":{"object":"list","data":[{"code":"invalid_json_line","message":"This line is not parseable as valid JSON.","param":null,"line":2}]},
         "input_file_id":"file-abc123","completion_window":"24h","status":"completed","output_file_id":"file-cvaTdG","error_file_id":"file-HOWS94",
         "created_at":1711471533,"in_progress_at":1711471538,"expires_at":1711557933,"finalizing_at":1711493133,"completed_at":1711493163,
         "failed_at":null,"expired_at":null,"cancelling_at":null,"cancelled_at":null,"request_counts":{"total":100,"completed":95,"failed":5},
         "metadata":{"customer_id":"user_123456789"}}
        """;

    [Fact]
    public void The_batch_object_reads_with_its_snake_case_fields()
    {
        var batch = JsonSerializer.Deserialize<BatchObject>(BatchJsonText, BatchJson.Options)!;

        Assert.Equal(("batch_abc123", "batch", "/v1/chat/completions", "file-abc123", "24h"), (batch.Id, batch.ObjectType, batch.Endpoint, batch.InputFileId, batch.CompletionWindow));
        Assert.Equal(("completed", "file-cvaTdG", "file-HOWS94"), (batch.Status, batch.OutputFileId, batch.ErrorFileId));
        Assert.Equal(new BatchRequestCounts(100, 95, 5), batch.RequestCounts);
        Assert.Equal((1711471533L, 1711557933L, 1711493163L), (batch.CreatedAt, batch.ExpiresAt, batch.CompletedAt));
        Assert.Equal(new BatchError("invalid_json_line", "This line is not parseable as valid JSON.", null, 2), Assert.Single(batch.Errors!.Data!));
        Assert.Equal("user_123456789", batch.Metadata!["customer_id"]);
    }

    [Fact]
    public void Output_and_error_lines_are_matched_by_custom_id_in_any_order()
    {
        var batch = new BatchObject { Id = "batch_1", Status = BatchStatuses.Expired };
        const string output = """
            {"id":"batch_req_2","custom_id":"request-2","response":{"status_code":200,"request_id":"req_2","body":{"choices":[{"index":0,"message":{"role":"assistant","content":"two"},"finish_reason":"stop"}],"usage":{"prompt_tokens":22,"completion_tokens":2,"total_tokens":24}}},"error":null}
            not a json line
            {"id":"batch_req_1","custom_id":"request-1","response":{"status_code":200,"request_id":"req_1","body":{"choices":[{"index":0,"message":{"role":"assistant","content":"one"},"finish_reason":"stop"}]}},"error":null}
            """;
        const string errors = """
            {"id":"batch_req_3","custom_id":"request-3","response":{"status_code":500,"request_id":"req_3","body":{"error":{"message":"The server had an error.","type":"server_error"}}},"error":null}
            {"id":"batch_req_4","custom_id":"request-4","response":null,"error":{"code":"batch_expired","message":"This request could not be executed before the completion window expired."}}
            """;

        var answers = BatchResults.Match(batch, ["request-1", "request-2", "request-3", "request-4", "request-5"], output, errors);

        Assert.Equal(["request-1", "request-2", "request-3", "request-4", "request-5"], answers.Select(a => a.CustomId));
        Assert.Equal(("one", "two"), (answers[0].Content, answers[1].Content));
        Assert.Equal((22L, 2L), answers[1].Usage);
        Assert.Equal((BatchOutcomes.Failed, (int?)500, "The server had an error."), (answers[2].Outcome, answers[2].StatusCode, answers[2].ErrorMessage));
        Assert.Equal((BatchOutcomes.Missing, "batch_expired"), (answers[3].Outcome, answers[3].ErrorCode));
        Assert.Equal((BatchOutcomes.Missing, "batch expired before this line ran"), (answers[4].Outcome, answers[4].ErrorMessage));
    }

    [Theory]
    [InlineData("validating", false, false, false)]
    [InlineData("in_progress", false, false, false)]
    [InlineData("finalizing", false, false, false)]
    [InlineData("cancelling", false, false, false)]
    [InlineData("completed", true, true, false)]
    [InlineData("failed", true, false, false)]
    [InlineData("expired", true, true, true)]
    [InlineData("cancelled", true, true, true)]
    public void Every_status_is_mapped_to_whether_it_ended_has_files_and_may_miss_lines(string status, bool terminal, bool results, bool mayMiss)
    {
        Assert.True(BatchStatuses.IsKnown(status));
        Assert.Equal((terminal, results, mayMiss), (BatchStatuses.IsTerminal(status), BatchStatuses.HasResults(status), BatchStatuses.MayMissLines(status)));
    }
}

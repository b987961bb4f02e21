using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Summarizer.Core.Batch;
using Summarizer.Core.Store;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Batch;

/// <summary>A round through the real SDK files and batch clients against the loopback Batch API, on all three surfaces, and every status and fault.</summary>
public sealed class BatchApiTests : BatchLoopback
{
    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task A_round_is_uploaded_created_polled_and_downloaded_and_each_answer_equals_the_realtime_answer(string surface)
    {
        var api = Api(surface);
        var runner = Runner(api, Store());
        var calls = Calls(api, 5);

        var submission = await runner.SubmitAsync("job1", 1, calls, CancellationToken.None);
        var (state, statuses) = await RunToEndAsync(runner, "job1", 1);

        Assert.Empty(submission.Deferred);
        var (files, batches, url) = surface switch
        {
            "openai" => ("POST /v1/files", "POST /v1/batches", "/v1/chat/completions"),
            "azure" => ("POST /openai/files?api-version=", "POST /openai/batches?api-version=", "/chat/completions"),
            _ => ("POST /openai/v1/files", "POST /openai/v1/batches", "/v1/chat/completions"),
        };
        Assert.Contains(Server.Batch.Paths, p => p.StartsWith(files, StringComparison.Ordinal));
        Assert.Contains(Server.Batch.Paths, p => p.StartsWith(batches, StringComparison.Ordinal));
        Assert.Equal(url, api.RequestUrl);
        Assert.Equal(["validating", "in_progress", "finalizing", "completed"], statuses);
        Assert.All(state.Answers, a => Assert.Equal(BatchOutcomes.Succeeded, a.Outcome));
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        foreach (var call in calls)
        {
            using var realtime = await http.PostAsync("/v1/chat/completions", new StringContent(call.Body.ToJsonString(), Encoding.UTF8, "application/json"));
            var expected = JsonNode.Parse(await realtime.Content.ReadAsStringAsync())!;
            var answer = state.Answers.Single(a => a.CustomId == call.CustomId);
            Assert.Equal(expected["choices"]![0]!["message"]!["content"]!.GetValue<string>(), answer.Content);
            Assert.Equal(expected["usage"]!["prompt_tokens"]!.GetValue<long>(), answer.Usage.Input);
        }

        Assert.All(calls, c => Assert.Equal(1, Server.Batch.Served[c.CustomId]));
        var part = Assert.Single(state.Parts);
        Assert.Equal((BatchStore.Downloaded, 5, 0, 0), (part.State, part.Succeeded, part.Failed, part.Missing));
    }

    [Fact]
    public async Task Output_lines_out_of_order_are_matched_by_custom_id()
    {
        Server.Batch.ShuffleOutput = true;
        var api = Api("openai");
        var runner = Runner(api, Store());

        await runner.SubmitAsync("job1", 1, Calls(api, 4), CancellationToken.None);
        var (state, _) = await RunToEndAsync(runner, "job1", 1);

        var batch = await api.GetAsync(state.Parts[0].BatchId!, CancellationToken.None);
        var first = JsonNode.Parse(BatchJson.Lines(await api.DownloadAsync(batch.OutputFileId!, CancellationToken.None)).First())!;
        Assert.Equal("key-4", first["custom_id"]!.GetValue<string>());
        Assert.All(state.Answers, a => Assert.Contains($"\"id\":\"s{a.CustomId["key-".Length..]}\"", a.Content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expired_batch_reports_the_lines_it_never_ran_as_missing()
    {
        Server.Batch.ExpireAfterShare = 0.4;
        var api = Api("azure");
        var runner = Runner(api, Store());

        await runner.SubmitAsync("job1", 1, Calls(api, 5), CancellationToken.None);
        var (state, statuses) = await RunToEndAsync(runner, "job1", 1);

        Assert.Equal(BatchStatuses.Expired, statuses[^1]);
        Assert.Equal(["key-1", "key-2"], state.Answers.Where(a => a.Outcome == BatchOutcomes.Succeeded).Select(a => a.CustomId));
        Assert.All(state.Answers.Where(a => a.Outcome != BatchOutcomes.Succeeded), a => Assert.Equal((BatchOutcomes.Missing, "batch expired before this line ran"), (a.Outcome, a.ErrorMessage)));
        Assert.Equal(2, Server.Batch.Served.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_line_level_429_or_500_is_reported_for_its_custom_id_from_the_error_or_the_output_file(bool inOutputFile)
    {
        Server.Batch.LineErrorsInOutputFile = inOutputFile;
        Server.Batch.LineOverride = id => id switch
        {
            "key-2" => FakeModelReply.Error(429, "429", "Rate limit is exceeded. Try again in 5 seconds."),
            "key-3" => FakeModelReply.Error(500, "server_error", "The server had an error while processing your request."),
            _ => null,
        };
        var api = Api("openai");
        var runner = Runner(api, Store());

        await runner.SubmitAsync("job1", 1, Calls(api, 4), CancellationToken.None);
        var (state, _) = await RunToEndAsync(runner, "job1", 1);

        var failed = state.Answers.Where(a => a.Outcome == BatchOutcomes.Failed).OrderBy(a => a.CustomId).Select(a => (a.CustomId, a.StatusCode, a.ErrorCode)).ToList();
        Assert.Equal([("key-2", (int?)429, "429"), ("key-3", 500, "server_error")], failed);
        Assert.Equal(2, state.Answers.Count(a => a.Outcome == BatchOutcomes.Succeeded));
        Assert.Equal((2, 2), (state.Parts[0].Succeeded, state.Parts[0].Failed));
    }

    [Fact]
    public async Task An_invalid_answer_comes_back_with_its_text_for_the_stage_to_validate()
    {
        Server.Batch.LineOverride = id => id == "key-1" ? FakeModelReply.Content("not json {") : null;
        var api = Api("openai");
        var runner = Runner(api, Store());

        await runner.SubmitAsync("job1", 1, Calls(api, 2), CancellationToken.None);
        var (state, _) = await RunToEndAsync(runner, "job1", 1);

        var answer = state.Answers.Single(a => a.CustomId == "key-1");
        Assert.Equal((BatchOutcomes.Succeeded, "not json {", "stop"), (answer.Outcome, answer.Content, answer.FinishReason));
    }

    [Fact]
    public async Task A_batch_failing_validation_names_the_line_and_reason_from_errors_data()
    {
        var api = Api("azure");
        var runner = Runner(api, Store());
        var calls = Calls(api, 3);
        calls[1] = calls[1] with { Body = Body(model: null, 2) };

        await runner.SubmitAsync("job1", 1, calls, CancellationToken.None);
        var (state, statuses) = await RunToEndAsync(runner, "job1", 1);

        Assert.Equal(["validating", "failed"], statuses);
        Assert.Equal("missing_required_parameter: Missing required parameter: 'body.model'. (line 2)", state.Parts[0].Error);
        var line2 = state.Answers.Single(a => a.CustomId == "key-2");
        Assert.Equal((BatchOutcomes.Failed, "missing_required_parameter"), (line2.Outcome, line2.ErrorCode));
        Assert.All(state.Answers.Where(a => a.CustomId != "key-2"), a => Assert.Equal(BatchOutcomes.Missing, a.Outcome));
        Assert.Empty(Server.Batch.Served);
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task Cancelling_goes_through_cancelling_to_cancelled_and_returns_the_lines_that_ran(string surface)
    {
        var api = Api(surface);
        var runner = Runner(api, Store());
        await runner.SubmitAsync("job1", 1, Calls(api, 4), CancellationToken.None);
        Server.Batch.Advance(TimeSpan.FromMinutes(6)); // 1 minute validating, then half of the 10 running

        var cancelled = await runner.CancelAsync("job1", CancellationToken.None);
        var cancelling = runner.State("job1", 1).Parts[0].Status;
        var (state, statuses) = await RunToEndAsync(runner, "job1", 1);

        Assert.Equal((1, BatchStatuses.Cancelling), (cancelled, cancelling));
        Assert.Equal(BatchStatuses.Cancelled, statuses[^1]);
        Assert.Equal(2, state.Answers.Count(a => a.Outcome == BatchOutcomes.Succeeded));
        Assert.Equal(2, state.Answers.Count(a => a.Outcome == BatchOutcomes.Missing && a.ErrorMessage == "batch was cancelled before this line ran"));
    }

    [Fact]
    public async Task A_request_the_service_refuses_fails_with_its_reason_in_one_line()
    {
        var api = Api("openai");

        var unknown = await Assert.ThrowsAsync<BatchApiException>(() => api.CreateAsync("file-nope", "24h", null, CancellationToken.None));
        var download = await Assert.ThrowsAsync<BatchApiException>(() => api.DownloadAsync("file-gone", CancellationToken.None));

        Assert.Equal((400, "batch API: creation of a batch over file-nope failed (HTTP 400: No such File object: file-nope)"), (unknown.Status, unknown.Message));
        Assert.Equal((404, "batch API: download of file file-gone failed (HTTP 404: No such File object: file-gone)"), (download.Status, download.Message));
        Assert.DoesNotContain(LoopbackJob.OpenAIKey, unknown.Message + download.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_loopback_refuses_an_upload_whose_purpose_is_not_batch_as_the_service_does()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        using var form = new MultipartFormDataContent { { new StringContent("fine-tune"), "purpose" }, { new ByteArrayContent("{}\n"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/jsonl") } }, "file", "x.jsonl" } };

        using var response = await http.PostAsync("/v1/files", form);

        Assert.Equal(400, (int)response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal(("invalid_request_error", "purpose"), (error["type"]!.GetValue<string>(), error["param"]!.GetValue<string>()));
        Assert.Equal(0, Server.Batch.Uploads);
    }

    [Fact]
    public async Task A_download_is_idempotent_and_polling_a_finished_round_changes_nothing()
    {
        var api = Api("openai");
        var store = Store();
        var runner = Runner(api, store);
        await runner.SubmitAsync("job1", 1, Calls(api, 3), CancellationToken.None);
        var (state, _) = await RunToEndAsync(runner, "job1", 1);
        var batch = await api.GetAsync(state.Parts[0].BatchId!, CancellationToken.None);

        var first = await api.DownloadAsync(batch.OutputFileId!, CancellationToken.None);
        var second = await api.DownloadAsync(batch.OutputFileId!, CancellationToken.None);
        var again = await runner.PollAsync("job1", 1, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(state.Answers, again.Answers);
        Assert.Equal(3, store.Answers("job1", 1).Count);
        Assert.All(Server.Batch.Served.Values, n => Assert.Equal(1, n));
    }

    [Theory]
    [InlineData("azure", "briefing-dep")]
    [InlineData("openai", "gpt-4o-mini")]
    public void Lines_name_the_batch_deployment_when_one_is_configured_else_the_realtime_one(string surface, string realtime)
    {
        Assert.Equal(realtime, Api(surface).Model);
        Assert.Equal("global-batch", Api(surface, ("Summarizer:Batch:Deployment", "global-batch")).Model);
    }
}

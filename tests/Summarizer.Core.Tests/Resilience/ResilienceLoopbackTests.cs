using Summarizer.Core.Outputs;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Jobs;
using Summarizer.Core.Validation;
using Summarizer.Core.Tests.Jobs;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Resilience;

/// <summary>Throttling, server errors, timeouts, content filters and cut-off answers, served by the loopback server.</summary>
/// <remarks>
/// The job runs on a <see cref="TestClock"/> shared with the server: retry delays, retry-afters and timeouts take no real
/// time, and the times asserted are exact, however loaded the machine.
/// </remarks>
public sealed class ResilienceLoopbackTests : LoopbackServerTest, IAsyncLifetime
{
    private readonly TestClock _clock = new();

    /// <summary>The longest wait the clock moves to by itself: above the test's retry delays, below its timeouts.</summary>
    private TimeSpan _longestWait = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_429_is_retried_after_exactly_its_retry_after_ms()
    {
        Server.Override = r => r.Stage == "translate" && r.Attempt == 1 ? FakeModelReply.Throttled(TimeSpan.FromMilliseconds(400)) : null;

        var result = await RunAsync(RepositoryPaths.Seed("003"));

        Assert.Equal(JobStatuses.Done, result.Status);
        var translate = Server.Requests.Where(r => r.Stage == "translate").ToList();
        var chunks = translate.GroupBy(LoopbackOpenAiServer.InputKey).ToList();
        Assert.All(chunks, chunk => Assert.Equal(2, chunk.Count()));

        // On the fake clock the retry goes exactly when the service's retry-after ends: not before, and not at the
        // computed backoff (at most 50 ms here).
        Assert.All(chunks, chunk => Assert.Equal(TimeSpan.FromMilliseconds(400), chunk.Last().At - chunk.First().At));
        Assert.Equal(chunks.Count, Manifest(result).GetProperty("resilience").GetProperty("throttled").GetInt64());
    }

    [Fact]
    public async Task A_429_whose_retry_after_is_an_http_date_waits_until_that_date_on_the_job_s_clock()
    {
        // Only retry-after, as an HTTP date (RFC 9110 "Retry-After: Fri, 31 Dec 1999 23:59:59 GMT"), 3 s after the request.
        Server.Override = r => r.Stage == "translate" && r.Attempt == 1
            ? FakeModelReply.Error(429, "429", "Too many requests.") with
            {
                Headers = new Dictionary<string, string> { ["retry-after"] = (r.At + TimeSpan.FromSeconds(3)).ToString("R", System.Globalization.CultureInfo.InvariantCulture) },
            }
            : null;

        _longestWait = TimeSpan.FromSeconds(5);
        var result = await RunAsync(RepositoryPaths.Seed("003"));

        Assert.Equal(JobStatuses.Done, result.Status);
        var chunks = Server.Requests.Where(r => r.Stage == "translate").GroupBy(LoopbackOpenAiServer.InputKey).ToList();
        Assert.All(chunks, chunk => Assert.Equal(TimeSpan.FromSeconds(3), chunk.Last().At - chunk.First().At));
    }

    [Fact]
    public async Task Server_errors_are_retried_until_they_pass()
    {
        Server.Override = r => r.Stage == "summarize" && r.Attempt <= 2 ? FakeModelReply.Error(503, "ServiceUnavailable", "busy") : null;

        var result = await RunAsync(RepositoryPaths.Seed("003"));

        Assert.Equal(JobStatuses.Done, result.Status);
        var resilience = Manifest(result).GetProperty("resilience");
        Assert.Equal(2 * Server.Requests.Select(LoopbackOpenAiServer.InputKey).Where(k => k.StartsWith("summarize", StringComparison.Ordinal)).Distinct().Count(), resilience.GetProperty("retries").GetInt64());
        Assert.Equal(resilience.GetProperty("retries").GetInt64(), resilience.GetProperty("server_errors").GetInt64());
    }

    [Fact]
    public async Task An_attempt_slower_than_the_attempt_timeout_is_abandoned_and_retried()
    {
        var stall = TimeSpan.FromSeconds(8);
        Server.Override = r => r.Stage == "merge" && r.Attempt == 1 ? FakeModelReply.Content(FakeModel.Answer("merge", r.Input)) with { Delay = stall } : null;

        var run = RunAsync(RepositoryPaths.Seed("003"), ("Summarizer:Resilience:AttemptTimeoutSeconds", "1.5"));

        // The merge stalls at the server; only the attempt timeout can end it, and only when the clock reaches it.
        await _clock.WaitForTimerAsync(stall);
        _clock.Advance(TimeSpan.FromSeconds(1.5));
        var result = await run;

        Assert.Equal(JobStatuses.Done, result.Status);
        var merges = Server.Requests.Where(r => r.Stage == "merge").ToList();
        Assert.Equal(2, merges.Count);

        // Abandoned at the attempt timeout (1.5 s), then retried after the backoff (at most 50 ms here).
        Assert.InRange(merges[1].At - merges[0].At, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(1.55));
        Assert.True(Manifest(result).GetProperty("resilience").GetProperty("timeouts").GetInt64() >= 1);
    }

    [Fact]
    public async Task Other_client_errors_are_not_retried()
    {
        Server.Override = r => r.Stage == "translate" ? FakeModelReply.Error(401, "401", "Access denied due to invalid subscription key.") : null;

        var result = await RunAsync(RepositoryPaths.Seed("003"));

        Assert.Equal(1, Server.Count("translate"));
        Assert.Contains("HTTP 401", Assert.Single(result.Articles).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Max_retries_zero_sends_each_call_once()
    {
        Server.Override = r => r.Stage == "translate" ? FakeModelReply.Error(500, "server_error", "The server had an error while processing your request.") : null;

        var result = await RunAsync(RepositoryPaths.Seed("003"), ("Summarizer:Resilience:MaxRetries", "0"));

        Assert.Equal(1, Server.Count("translate"));
        Assert.Contains("HTTP 500", Assert.Single(result.Articles).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_content_filter_400_marks_the_chunk_filtered_and_the_job_goes_on()
    {
        Server.Override = r => r.Stage == "translate" && r.Arabic.Contains("1.39", StringComparison.Ordinal) ? FakeModelReply.Filtered("violence", "medium") : null;

        var result = await RunAsync(RepositoryPaths.Seeds);

        Assert.Single(Server.Requests, r => r.Stage == "translate" && r.Arabic.Contains("1.39", StringComparison.Ordinal));
        var manifest = Manifest(result);
        var filtered = Assert.Single(manifest.GetProperty("filtered").EnumerateArray());
        Assert.Equal(("002-3b258de76a274b28", "translate", "violence", "medium"), (filtered.GetProperty("article").GetString(), filtered.GetProperty("stage").GetString(), filtered.GetProperty("category").GetString(), filtered.GetProperty("severity").GetString()));
        Assert.All(result.Articles.Where(a => a.Id != "002-3b258de76a274b28"), a => Assert.Equal(JobStatuses.Done, a.Status));
        var briefing = File.ReadAllText(Path.Combine(result.JobDirectory, "briefing.md"));
        Assert.Contains("## Stopped by the content filter", briefing, StringComparison.Ordinal);
        Assert.Contains("violence/medium", briefing, StringComparison.Ordinal);
        using var translation = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.JobDirectory, "articles", "002-3b258de76a274b28", "translation.json")));
        Assert.Contains(translation.RootElement.GetProperty("sentences").EnumerateArray(), s => s.GetProperty("flags").EnumerateArray().Any(f => f.GetProperty("code").GetString() == FlagCodes.ContentFiltered));
    }

    [Fact]
    public async Task With_split_only_the_filtered_sentence_is_lost()
    {
        Server.Override = r => r.Stage == "translate" && r.Arabic.Contains("1.39", StringComparison.Ordinal) ? FakeModelReply.Filtered("violence", "high") : null;

        var result = await RunAsync(RepositoryPaths.Seed("002"), request => request with { OnFilter = FilterPolicy.Split });

        var filtered = Assert.Single(Manifest(result).GetProperty("filtered").EnumerateArray());
        var sentence = Assert.Single(filtered.GetProperty("sentences").EnumerateArray()).GetString();
        using var translation = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.JobDirectory, "articles", "002-3b258de76a274b28", "translation.json")));
        var sentences = translation.RootElement.GetProperty("sentences").EnumerateArray().ToList();
        Assert.Contains("1.39", sentences.Single(s => s.GetProperty("id").GetString() == sentence).GetProperty("ar").GetString(), StringComparison.Ordinal);
        Assert.All(sentences.Where(s => s.GetProperty("id").GetString() != sentence), s => Assert.False(string.IsNullOrEmpty(s.GetProperty("en").GetString())));
        Assert.True(Stage(result, "translate").GetProperty("splits").GetInt32() >= 2);
    }

    [Fact]
    public async Task A_cut_off_answer_splits_the_chunk_and_every_sentence_is_still_translated()
    {
        Server.Override = r => r.Stage == "translate" && r.Input["sentences"]!.AsArray().Count > 2
            ? FakeModelReply.Content(FakeModel.Answer("translate", r.Input)[..60], finishReason: "length")
            : null;

        var result = await RunAsync(RepositoryPaths.Seed("004"));

        Assert.Equal(JobStatuses.Done, result.Status);
        using var translation = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.JobDirectory, "articles", "004-43e82adceba9b349", "translation.json")));
        Assert.All(translation.RootElement.GetProperty("sentences").EnumerateArray(), s => Assert.False(string.IsNullOrEmpty(s.GetProperty("en").GetString())));
        Assert.True(Stage(result, "translate").GetProperty("splits").GetInt32() > 0);
    }

    private Task<JobResult> RunAsync(string path, params (string, string)[] settings) => RunAsync(path, r => r, settings);

    private Task<JobResult> RunAsync(string path, Func<JobRequest, JobRequest> shape, params (string, string)[] settings)
    {
        Server.Clock = _clock;
        var runner = LoopbackJob.OpenAIServices(Server, Output.Path, _clock, settings).GetRequiredService<JobRunner>();
        return _clock.RunAsync(() => runner.RunAsync(shape(new JobRequest([path]))), _longestWait);
    }

    private static JsonElement Manifest(JobResult result)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.JobDirectory, "manifest.json")));
        return manifest.RootElement.Clone();
    }

    private static JsonElement Stage(JobResult result, string stage) =>
        Manifest(result).GetProperty("stages").EnumerateArray().First(s => s.GetProperty("stage").GetString() == stage);
}

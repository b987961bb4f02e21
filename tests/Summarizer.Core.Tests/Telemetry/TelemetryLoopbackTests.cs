using Summarizer.Core.Outputs;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Summarizer.Core.Jobs;
using Summarizer.Core.Store;
using Summarizer.Core.Telemetry;
using Summarizer.Testing;
using Xunit.Abstractions;

namespace Summarizer.Core.Tests.Telemetry;

/// <summary>
/// Jobs on the five seed articles through the loopback server, watched by the real telemetry setup with in-memory
/// exporters: the span tree, the GenAI attributes and the project's counters agree with the manifest and the job store.
/// </summary>
[Collection(TelemetryTestsAlone.Name)]
public sealed class TelemetryLoopbackTests(ITestOutputHelper output) : LoopbackServerTest, IAsyncLifetime
{
    [Fact]
    public async Task A_job_is_one_trace_of_job_article_and_stage_call_spans_with_the_libraries_spans_below()
    {
        using var capture = new TelemetryCapture();

        var result = await LoopbackJob.RunSeedsAsync(LoopbackJob.OpenAIServices(Server, Output.Path));

        var job = JobSpan(capture.Spans, result.JobId);
        var tree = SpanTree.Of(capture.Spans, job.TraceId);
        output.WriteLine(tree.Draw(maxChildren: 8));
        Assert.Same(job, Assert.Single(tree.Roots));
        Assert.DoesNotContain(capture.Spans, s => s.TraceId != job.TraceId && Equals(s.GetTagItem(TelemetryNames.JobId), result.JobId));
        Assert.Equal("done", job.GetTagItem(TelemetryNames.Status));

        var articles = tree.Children(job).Where(s => s.OperationName == "summarizer.article").ToList();
        Assert.Equal(result.Articles.Select(a => a.Id).Order(), articles.Select(a => (string)a.GetTagItem(TelemetryNames.ArticleId)!).Order());
        foreach (var article in articles)
        {
            var stages = tree.Children(article).Select(s => (string)s.GetTagItem(TelemetryNames.Stage)!).Distinct().ToList();
            Assert.Equal(["translate", "summarize", "merge"], stages);
        }

        var brief = Assert.Single(tree.Children(job), s => Equals(s.GetTagItem(TelemetryNames.Stage), "brief"));
        var calls = StageCalls(tree);
        Assert.Equal(Server.Requests.Count, calls.Count);
        Assert.Contains(brief, calls);
        foreach (var call in calls)
        {
            // The GenAI span shape: name "chat {gen_ai.request.model}", kind CLIENT, and the conventions' attributes.
            Assert.Equal("chat gpt-4o-mini", call.DisplayName);
            Assert.Equal(ActivityKind.Client, call.Kind);
            Assert.Equal("chat", call.GetTagItem("gen_ai.operation.name"));
            Assert.Equal("openai", call.GetTagItem("gen_ai.provider.name"));
            Assert.Equal("gpt-4o-mini", call.GetTagItem("gen_ai.request.model"));
            Assert.Equal("loopback-model", call.GetTagItem("gen_ai.response.model"));
            Assert.IsType<int>(call.GetTagItem("gen_ai.request.max_tokens"));
            Assert.Equal(["stop"], (string[])call.GetTagItem("gen_ai.response.finish_reasons")!);
            Assert.Equal("paid", call.GetTagItem(TelemetryNames.Outcome));

            // Below each: Semantic Kernel's function and chat spans, the OpenAI SDK's, and the HTTP request itself.
            var below = tree.Descendants(call).ToList();
            Assert.Contains(below, s => s.Source.Name == "Microsoft.SemanticKernel");
            Assert.Contains(below, s => s.Source.Name.StartsWith("Microsoft.SemanticKernel.", StringComparison.Ordinal) && s.DisplayName.StartsWith("chat", StringComparison.Ordinal));
            Assert.Contains(below, s => s.Source.Name.StartsWith("OpenAI.", StringComparison.Ordinal));
            Assert.Single(below, s => s.Source.Name == "System.Net.Http");
        }
    }

    [Fact]
    public async Task Token_attributes_of_the_stage_calls_add_up_to_the_manifest_and_the_calls_counter_to_the_store()
    {
        using var capture = new TelemetryCapture();

        var result = await LoopbackJob.RunSeedsAsync(LoopbackJob.OpenAIServices(Server, Output.Path));

        var calls = StageCalls(SpanTree.Of(capture.Spans, JobSpan(capture.Spans, result.JobId).TraceId));
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(result.JobDirectory, "manifest.json")));
        var usage = manifest.RootElement.GetProperty("usage");
        Assert.True(usage.GetProperty("input_tokens").GetInt64() > 0);
        Assert.Equal(usage.GetProperty("input_tokens").GetInt64(), calls.Sum(c => (long)c.GetTagItem("gen_ai.usage.input_tokens")!));
        Assert.Equal(usage.GetProperty("output_tokens").GetInt64(), calls.Sum(c => (long)c.GetTagItem("gen_ai.usage.output_tokens")!));

        var counted = CallsCounter(capture.Metrics(), result.JobId);
        var stored = new JobStore(JobStore.PathIn(Output.Path)).CallCounts(result.JobId);
        Assert.Equal(stored.OrderBy(p => p.Key).Select(p => (p.Key.Stage, p.Key.Outcome, (long)p.Value)), counted.OrderBy(p => p.Key).Select(p => (p.Key.Stage, StoreOutcome(p.Key.Outcome), p.Value)));

        var tokens = capture.Metrics().Where(m => m.MeterName == TelemetryNames.Source && m.Name == "gen_ai.client.token.usage").ToList();
        Assert.All(tokens, m => Assert.Equal("{token}", m.Unit));
        Assert.Equal(usage.GetProperty("input_tokens").GetInt64(), HistogramSum(tokens, ("gen_ai.token.type", "input"), ("gen_ai.request.model", "gpt-4o-mini")));
        Assert.Contains(capture.Metrics(), m => m.Name == "gen_ai.client.operation.duration" && m.Unit == "s");
    }

    [Fact]
    public async Task A_repair_counts_as_repaired_and_a_rerun_counts_reused_calls_as_the_store_does()
    {
        var services = LoopbackJob.OpenAIServices(Server, Output.Path);
        var invalidOnce = 0;
        Server.Override = r => r.Stage == "brief" && Interlocked.Increment(ref invalidOnce) == 1 ? FakeModelReply.Content("{\"not\":\"a briefing\"}") : null;
        using var capture = new TelemetryCapture();

        var first = await LoopbackJob.RunSeedsAsync(services);
        var second = await services.GetRequiredService<JobRunner>().RerunAsync(first.JobId, new JobRequest([]));

        var store = new JobStore(JobStore.PathIn(Output.Path));
        foreach (var job in new[] { first.JobId, second.JobId })
        {
            var counted = CallsCounter(capture.Metrics(), job);
            Assert.Equal(store.CallCounts(job).OrderBy(p => p.Key).Select(p => (p.Key.Stage, p.Key.Outcome, (long)p.Value)), counted.OrderBy(p => p.Key).Select(p => (p.Key.Stage, StoreOutcome(p.Key.Outcome), p.Value)));
        }

        Assert.Equal(1, CallsCounter(capture.Metrics(), first.JobId).GetValueOrDefault(("brief", "repaired")));
        Assert.Equal(Server.Requests.Count - 1, CallsCounter(capture.Metrics(), second.JobId).Where(p => p.Key.Outcome == "reused").Sum(p => p.Value));
        var brief = Assert.Single(StageCalls(SpanTree.Of(capture.Spans, JobSpan(capture.Spans, first.JobId).TraceId)), s => Equals(s.GetTagItem(TelemetryNames.Stage), "brief"));
        Assert.Equal("repaired", brief.GetTagItem(TelemetryNames.Outcome));
        Assert.Equal(2, ((string[])brief.GetTagItem("gen_ai.response.finish_reasons")!).Length);
    }

    [Fact]
    public async Task A_429_from_the_server_is_counted_as_429_and_retried_under_its_stage()
    {
        var throttled = 0;
        Server.Override = r => r.Stage == "merge" && Interlocked.Increment(ref throttled) <= 2 ? FakeModelReply.Throttled(TimeSpan.FromMilliseconds(20)) : null;
        using var capture = new TelemetryCapture();

        var result = await LoopbackJob.RunSeedsAsync(LoopbackJob.OpenAIServices(Server, Output.Path));

        Assert.Equal(JobStatuses.Done, result.Status);
        var counted = CallsCounter(capture.Metrics(), result.JobId);
        Assert.Equal(2, counted.GetValueOrDefault(("merge", "429")));
        Assert.Equal(2, counted.GetValueOrDefault(("merge", "retried")));
        Assert.DoesNotContain(counted, p => p.Key.Stage != "merge" && p.Key.Outcome is "429" or "retried");
        var trace = SpanTree.Of(capture.Spans, JobSpan(capture.Spans, result.JobId).TraceId);
        var retriedCalls = StageCalls(trace).Where(s => s.Events.Any(e => e.Name == "summarizer.retry")).ToList();
        Assert.All(retriedCalls, s => Assert.Equal("merge", s.GetTagItem(TelemetryNames.Stage)));
        Assert.Equal(2, retriedCalls.Sum(s => s.Events.Count(e => e.Name == "summarizer.retry")));

        // Each 429 is its own HTTP span under the merge call that retried.
        Assert.Equal(2, trace.Spans.Count(s => s.Source.Name == "System.Net.Http" && Equals(s.GetTagItem("http.response.status_code"), 429)));
    }

    [Fact]
    public async Task Without_content_no_span_or_metric_carries_the_key_or_any_arabic_text()
    {
        // One merge is refused with a message quoting the key, as servers do: the libraries put it in their spans' status.
        var quoted = 0;
        Server.Override = r => r.Stage == "merge" && Interlocked.Increment(ref quoted) == 1
            ? FakeModelReply.Error(400, "invalid_api_key", $"Incorrect API key provided: {LoopbackJob.OpenAIKey}.")
            : null;
        using var capture = new TelemetryCapture(new TelemetryOptions(), LoopbackJob.OpenAIKey);

        var result = await LoopbackJob.RunSeedsAsync(LoopbackJob.OpenAIServices(Server, Output.Path));

        var trace = SpanTree.Of(capture.Spans, JobSpan(capture.Spans, result.JobId).TraceId).Spans;
        Assert.True(trace.Count > 50);
        Assert.Contains(trace, s => s.StatusDescription?.Contains("Incorrect API key provided: ***", StringComparison.Ordinal) == true);
        Assert.Contains(trace, s => s.Source.Name == TelemetryNames.Source && Equals(s.GetTagItem("error.type"), "invalid_api_key"));
        var texts = trace.SelectMany(Texts).Concat(capture.Metrics().SelectMany(m => m.MetricPoints).SelectMany(p => Strings(p.Tags))).ToList();
        Assert.DoesNotContain(texts, t => t.Contains(LoopbackJob.OpenAIKey, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Any(c => c is >= '\u0600' and <= '\u06FF'));
    }

    [Fact]
    public async Task With_content_the_stage_call_span_carries_the_input_and_the_answer_as_genai_messages()
    {
        using (new TelemetryCapture(new TelemetryOptions { IncludeContent = true }))
        {
            Assert.True(SummarizerTelemetry.IncludeContent);
        }

        using var capture = new TelemetryCapture(new TelemetryOptions { IncludeContent = true });

        var result = await LoopbackJob.RunSeedsAsync(LoopbackJob.OpenAIServices(Server, Output.Path));

        var translate = StageCalls(SpanTree.Of(capture.Spans, JobSpan(capture.Spans, result.JobId).TraceId)).First(s => Equals(s.GetTagItem(TelemetryNames.Stage), "translate"));
        using var input = JsonDocument.Parse((string)translate.GetTagItem("gen_ai.input.messages")!);
        Assert.Equal("user", input.RootElement[0].GetProperty("role").GetString());
        Assert.Contains(input.RootElement[0].GetProperty("parts")[0].GetProperty("content").GetString()!, c => c is >= '\u0600' and <= '\u06FF');
        using var answer = JsonDocument.Parse((string)translate.GetTagItem("gen_ai.output.messages")!);
        Assert.Contains("translated", answer.RootElement[0].GetProperty("parts")[0].GetProperty("content").GetString()!, StringComparison.Ordinal);
    }

    private static Activity JobSpan(IReadOnlyList<Activity> spans, string jobId) =>
        Assert.Single(spans, s => s.Source.Name == TelemetryNames.Source && s.OperationName == "summarizer.job" && Equals(s.GetTagItem(TelemetryNames.JobId), jobId));

    private static List<Activity> StageCalls(SpanTree tree) =>
        tree.Spans.Where(s => s.Source.Name == TelemetryNames.Source && s.GetTagItem("gen_ai.operation.name") is not null).ToList();

    /// <summary>summarizer.calls of one job by (stage, outcome).</summary>
    private static Dictionary<(string Stage, string Outcome), long> CallsCounter(IReadOnlyList<MetricSnapshot> metrics, string jobId)
    {
        var counts = new Dictionary<(string, string), long>();
        foreach (var point in metrics.Where(m => m.Name == "summarizer.calls").SelectMany(m => m.MetricPoints))
        {
            var tags = Tags(point.Tags);
            if (Equals(tags.GetValueOrDefault(TelemetryNames.JobId), jobId))
            {
                var key = ((string)tags[TelemetryNames.Stage]!, (string)tags[TelemetryNames.Outcome]!);
                counts[key] = Math.Max(counts.GetValueOrDefault(key), point.GetSumLong());
            }
        }

        return counts;
    }

    private static long HistogramSum(IEnumerable<MetricSnapshot> metrics, params (string Key, string Value)[] filter) =>
        metrics.SelectMany(m => m.MetricPoints).Where(p => filter.All(f => Equals(Tags(p.Tags).GetValueOrDefault(f.Key), f.Value)))
            .GroupBy(p => string.Join(',', Strings(p.Tags)))
            .Sum(g => (long)g.Max(p => p.GetHistogramSum()));

    /// <summary>The job store says repair and error where telemetry tells repaired, refused, filtered and failed.</summary>
    private static string StoreOutcome(string outcome) => outcome switch
    {
        "repaired" => CallOutcomes.Repair,
        "refused" or "filtered" or "failed" => CallOutcomes.Error,
        _ => outcome,
    };

    private static Dictionary<string, object?> Tags(ReadOnlyTagCollection tags)
    {
        var all = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            all[tag.Key] = tag.Value;
        }

        return all;
    }

    private static IEnumerable<string> Strings(ReadOnlyTagCollection tags) => Tags(tags).Values.SelectMany(Flatten);

    private static IEnumerable<string> Texts(Activity span) =>
        span.TagObjects.Select(t => t.Value).SelectMany(Flatten)
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => t.Value).SelectMany(Flatten)).Concat(span.Events.Select(e => e.Name)))
            .Append(span.DisplayName)
            .Append(span.StatusDescription ?? string.Empty);

    private static IEnumerable<string> Flatten(object? value) => value switch
    {
        string s => [s],
        System.Collections.IEnumerable items => items.Cast<object?>().SelectMany(Flatten),
        null => [],
        _ => [value.ToString() ?? string.Empty],
    };
}

/// <summary>
/// The metrics of the GenAI conventions carry no job id (a histogram of token usage is per model), and every test in
/// this process records to the same meter: these tests run alone, after the parallel ones, so only their jobs count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryTestsAlone
{
    /// <summary>The collection's name.</summary>
    public const string Name = "telemetry (alone)";
}

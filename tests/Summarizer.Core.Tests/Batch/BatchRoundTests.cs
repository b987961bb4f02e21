using System.Text;
using System.Text.Json.Nodes;
using Summarizer.Core.Batch;
using Summarizer.Core.Tokens;

namespace Summarizer.Core.Tests.Batch;

/// <summary>How a round becomes JSONL files: the line shape, splitting by the per-file limits, and the enqueued-token bound.</summary>
public sealed class BatchRoundTests
{
    private readonly BatchRound _round = new(new O200kTokenCounter());

    private static List<BatchCall> Calls(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new BatchCall($"key-{i}", "/chat/completions", new JsonObject
        {
            ["model"] = "batch-dep",
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = $"{{\"sentences\":[{{\"id\":\"s{i}\",\"ar\":\"جملة رقم {i}\"}}]}}" }),
        }))];

    [Fact]
    public void Each_line_carries_custom_id_method_url_and_body_as_the_batch_input_format_names_them()
    {
        var plan = _round.Plan(Calls(1), BatchLimits.Azure);

        var line = JsonNode.Parse(Encoding.UTF8.GetString(Assert.Single(plan.Files).Content).TrimEnd('\n'))!.AsObject();
        Assert.Equal(["custom_id", "method", "url", "body"], line.Select(p => p.Key));
        Assert.Equal(("key-1", "POST", "/chat/completions", "batch-dep"), (line["custom_id"]!.GetValue<string>(), line["method"]!.GetValue<string>(), line["url"]!.GetValue<string>(), line["body"]!["model"]!.GetValue<string>()));
        Assert.Contains("جملة رقم 1", Encoding.UTF8.GetString(plan.Files[0].Content), StringComparison.Ordinal);
    }

    [Fact]
    public void A_round_over_the_request_limit_is_split_into_files_in_order()
    {
        var plan = _round.Plan(Calls(7), new BatchLimits(3, BatchLimits.TwoHundredMegabytes));

        Assert.Equal([3, 3, 1], plan.Files.Select(f => f.CustomIds.Count));
        Assert.Equal(Calls(7).Select(c => c.CustomId), plan.Files.SelectMany(f => f.CustomIds));
        Assert.All(plan.Files, f => Assert.Equal(f.CustomIds.Count, Encoding.UTF8.GetString(f.Content).Count(c => c == '\n')));
        Assert.Empty(plan.Deferred);
    }

    [Fact]
    public void A_round_over_the_byte_limit_is_split_so_no_file_passes_it()
    {
        var oneLine = _round.Plan(Calls(1), BatchLimits.OpenAI).Files[0].Content.Length;
        var limits = new BatchLimits(50_000, (oneLine * 5 / 2) + 2);

        var plan = _round.Plan(Calls(5), limits);

        Assert.Equal([2, 2, 1], plan.Files.Select(f => f.CustomIds.Count));
        Assert.All(plan.Files, f => Assert.True(f.Content.Length <= limits.MaxBytes));
    }

    [Fact]
    public void Calls_past_the_enqueued_token_bound_wait_in_their_order_for_a_later_submission()
    {
        var calls = Calls(5);
        var perCall = _round.Estimate(calls[0].Body);

        var plan = _round.Plan(calls, new BatchLimits(100_000, BatchLimits.TwoHundredMegabytes, (perCall * 2) + 1));
        var later = _round.Plan(calls, new BatchLimits(100_000, BatchLimits.TwoHundredMegabytes, (perCall * 2) + 1), enqueued: perCall * 2);

        Assert.Equal(["key-1", "key-2"], plan.Files.SelectMany(f => f.CustomIds));
        Assert.Equal(["key-3", "key-4", "key-5"], plan.Deferred.Select(c => c.CustomId));
        Assert.Equal(perCall * 2, plan.Files.Sum(f => f.Tokens));
        Assert.Empty(later.Files);
    }

    [Fact]
    public void A_bound_below_one_request_still_admits_one_when_nothing_is_enqueued()
    {
        var plan = _round.Plan(Calls(3), new BatchLimits(100_000, BatchLimits.TwoHundredMegabytes, EnqueuedTokens: 1));

        Assert.Equal(["key-1"], plan.Files.SelectMany(f => f.CustomIds));
        Assert.Equal(2, plan.Deferred.Count);
    }

    [Fact]
    public void Two_calls_with_one_custom_id_are_refused_before_the_service_refuses_the_file()
    {
        var calls = Calls(2);
        calls[1] = calls[1] with { CustomId = "key-1" };

        var ex = Assert.Throws<ArgumentException>(() => _round.Plan(calls, BatchLimits.OpenAI));

        Assert.StartsWith("custom_id 'key-1' appears twice in one round", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_limits_are_Azure_100000_and_OpenAI_50000_requests_of_200_MB_and_options_override_them()
    {
        Assert.Equal((100_000, 200_000_000L), (BatchLimits.Azure.MaxRequests, BatchLimits.Azure.MaxBytes));
        Assert.Equal((50_000, 200_000_000L), (BatchLimits.OpenAI.MaxRequests, BatchLimits.OpenAI.MaxBytes));
        Assert.Equal(new BatchLimits(10, 5000, 900), BatchLimits.For(azure: true, new BatchOptions { MaxRequestsPerFile = 10, MaxBytesPerFile = 5000, EnqueuedTokens = 900 }));
    }
}

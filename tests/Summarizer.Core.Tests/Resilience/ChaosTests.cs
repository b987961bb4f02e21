using Summarizer.Core.Outputs;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Jobs;
using Summarizer.Core.Tests.Jobs;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Resilience;

/// <summary>A run on the five seeds under a storm of faults completes with nothing lost and outputs that validate.</summary>
public sealed class ChaosTests : LoopbackServerTest, IAsyncLifetime
{
    [Fact]
    public async Task The_seeds_complete_under_throttling_errors_stalls_invalid_json_and_truncation()
    {
        var injected = new Dictionary<string, int>();
        Server.Override = request =>
        {
            // The fault is a function of the request (its input and attempt), not of arrival order, so the run is repeatable.
            var roll = Roll(LoopbackOpenAiServer.InputKey(request) + "#" + request.Attempt + (request.IsRepair ? "r" : string.Empty));
            var (kind, reply) = roll switch
            {
                < 0.20 => ("429", FakeModelReply.Throttled(TimeSpan.FromMilliseconds(30))),
                < 0.25 => ("500", FakeModelReply.Error(500, "InternalServerError", "The server had an error.")),
                < 0.30 => ("slow", FakeModelReply.Content(FakeModel.Answer(request.Stage, request.Input)) with { Delay = TimeSpan.FromSeconds(10) }),
                < 0.32 => ("invalid json", FakeModelReply.Content("{\"oops\": ")),
                < 0.33 => ("truncated", FakeModelReply.Content(FakeModel.Answer(request.Stage, request.Input)[..20], finishReason: "length")),
                _ => ("ok", (FakeModelReply?)null),
            };
            lock (injected)
            {
                injected[kind] = injected.GetValueOrDefault(kind) + 1;
            }

            return reply;
        };

        var services = LoopbackJob.OpenAIServices(Server, Output.Path, ("Summarizer:Resilience:AttemptTimeoutSeconds", "2"), ("Summarizer:Resilience:MaxRetries", "10"));
        var result = await services.GetRequiredService<JobRunner>().RunAsync(new JobRequest([RepositoryPaths.Seeds]));

        Assert.True(injected.GetValueOrDefault("429") > 0 && injected.GetValueOrDefault("500") > 0 && injected.GetValueOrDefault("slow") > 0, string.Join(", ", injected));
        Assert.True(result.Status == JobStatuses.Done, File.ReadAllText(Path.Combine(result.JobDirectory, "manifest.json")));
        AssertNothingLost(result);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.JobDirectory, "manifest.json")));
        Assert.Empty(manifest.RootElement.GetProperty("failures").EnumerateArray());
        // Every 429 the client received is counted; one the server sent after the client's attempt timeout had already
        // fired (a loaded 2-core machine) reaches nobody and is counted as a timeout instead: the timeouts beyond the
        // injected stalls bound how many 429s can be missing.
        var resilience = manifest.RootElement.GetProperty("resilience");
        var lateReplies = resilience.GetProperty("timeouts").GetInt64() - injected["slow"];
        Assert.InRange(resilience.GetProperty("throttled").GetInt64(), injected["429"] - lateReplies, injected["429"]);
    }

    [Fact]
    public async Task The_seeds_complete_when_polly_chaos_fails_a_third_of_all_attempts()
    {
        var services = LoopbackJob.OpenAIServices(
            Server, Output.Path, ("Summarizer:Resilience:ChaosFaultRate", "0.33"), ("Summarizer:Resilience:MaxRetries", "12"), ("Summarizer:Resilience:BreakerBreakSeconds", "0.5"),

            // This drill is about retries; a random run of faults must not open the breaker and decide the outcome.
            ("Summarizer:Resilience:BreakerMinimumThroughput", "100000"));

        var result = await services.GetRequiredService<JobRunner>().RunAsync(new JobRequest([RepositoryPaths.Seeds]));

        Assert.True(result.Status == JobStatuses.Done, File.ReadAllText(Path.Combine(result.JobDirectory, "manifest.json")));
        AssertNothingLost(result);
        var resilience = result.Engine.Resilience!;
        Assert.True(resilience.ChaosFaults > 0, "no fault injected");

        // Every injected fault was retried (an opened circuit adds retries of its own, never fewer).
        Assert.True(resilience.Retries >= resilience.ChaosFaults, $"{resilience.Retries} retries for {resilience.ChaosFaults} faults");
    }

    private static double Roll(string text) =>
        BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)), 0) / (double)uint.MaxValue;

    /// <summary>Zero lost chunks: every sentence translated, every article summarised, every citation valid.</summary>
    private static void AssertNothingLost(JobResult result)
    {
        Assert.Equal(5, result.Articles.Count);
        foreach (var article in result.Articles)
        {
            var folder = Path.Combine(result.JobDirectory, "articles", article.Id);
            using var translation = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "translation.json")));
            var sentences = translation.RootElement.GetProperty("sentences").EnumerateArray().ToList();
            Assert.All(sentences, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("en").GetString())));
            var ids = sentences.Select(s => s.GetProperty("id").GetString()).ToHashSet();
            using var claims = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "claims.json")));
            Assert.NotEqual(JsonValueKind.Null, claims.RootElement.GetProperty("summary_en").ValueKind);
            Assert.All(claims.RootElement.GetProperty("claims").EnumerateArray().SelectMany(c => c.GetProperty("sources").EnumerateArray()), s => Assert.Contains(s.GetString(), ids));
        }

        Assert.True(File.Exists(Path.Combine(result.JobDirectory, "briefing.md")));
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Chunking;
using Summarizer.Core.Jobs;
using Summarizer.Testing;

namespace Summarizer.Benchmarks;

/// <summary>
/// A job of generated articles against a loopback deployment that enforces a TPM and RPM quota as Azure does
/// (admission on prompt tokens + max_tokens over short windows, 429 with retry-after-ms) and answers at a fixed
/// latency per output token. Reports quota use, the share of 429s, lost chunks, and wall time against the ideal.
/// </summary>
internal static class QuotaBenchmark
{
    public static async Task<int> RunAsync(int articles, long tokensPerMinute, long requestsPerMinute, int concurrency)
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        var text = new SyntheticArabic(7);
        for (var i = 0; i < articles; i++)
        {
            input.Write(string.Create(CultureInfo.InvariantCulture, $"article-{i:D4}.txt"), text.Article(500));
        }

        await using var server = await LoopbackOpenAiServer.StartAsync();
        server.Quota = new ServerQuota(tokensPerMinute, requestsPerMinute);
        server.LatencyPerOutputToken = TimeSpan.FromMilliseconds(double.Parse(Environment.GetEnvironmentVariable("BENCH_MS_PER_TOKEN") ?? "0.3", CultureInfo.InvariantCulture));
        var counter = new O200kTokenCounter();
        server.Override = r => FakeModelReply.Content(RealisticAnswer(r, counter));
        // BENCH_CLIENT_QUOTA=off runs the same job with no client-side quota: the baseline that learns only from 429s.
        var clientQuota = Environment.GetEnvironmentVariable("BENCH_CLIENT_QUOTA") != "off";
        var services = CoreServices.Create(
            ("Summarizer:Engine:Kind", "openai"),
            ("Summarizer:Engine:Endpoint", new Uri(server.BaseAddress, "v1").ToString()),
            ("Summarizer:Engine:Model", "gpt-4o-mini"),
            ("Summarizer:Resilience:TokensPerMinute", clientQuota ? tokensPerMinute.ToString(CultureInfo.InvariantCulture) : "0"),
            ("Summarizer:Resilience:RequestsPerMinute", clientQuota ? requestsPerMinute.ToString(CultureInfo.InvariantCulture) : "0"),
            ("Summarizer:Prompts:Root", Path.Combine(RepositoryPaths.Root, "prompts")),
            ("Summarizer:Jobs:OutputRoot", output.Path));

        var clock = Stopwatch.StartNew();
        var result = await services.GetRequiredService<JobRunner>().RunAsync(new JobRequest([input.Path]) { Concurrency = concurrency });
        clock.Stop();

        var minutes = clock.Elapsed.TotalMinutes;
        var quota = server.Quota;
        var responses = quota.Admitted + quota.Throttled;
        var lost = LostChunks(result);
        Print($"quota benchmark: {articles} generated articles (~500 words), quota {tokensPerMinute:N0} TPM / {requestsPerMinute:N0} RPM, concurrency {concurrency}, client quota {(clientQuota ? "on" : "off")}");
        Print($"  job status                  {result.Status}; articles done {result.Articles.Count(a => a.Status == JobStatuses.Done)} of {result.Articles.Count}");
        Print($"  wall time                   {clock.Elapsed.TotalSeconds:0.0} s");
        Print($"  requests admitted / 429     {quota.Admitted:N0} / {quota.Throttled:N0}  (429 share {(double)quota.Throttled / responses:P2})");
        Print($"  tokens admitted (quota)     {quota.AdmittedTokens:N0}  → {quota.AdmittedTokens / minutes:N0} per minute");
        Print($"  achieved TPM / quota        {quota.AdmittedTokens / minutes / tokensPerMinute:0.000}");
        Print($"  wall / (tokens / TPM)       {clock.Elapsed.TotalMinutes / ((double)quota.AdmittedTokens / tokensPerMinute):0.000}");
        Print($"  tokens processed (billed)   {server.ProcessedTokens:N0}  → {server.ProcessedTokens / minutes / tokensPerMinute:0.000} of the quota per minute");
        Print($"  lost chunks                 {lost}");
        Print($"  client-observed call time   {result.Usage.Sum(u => u.Elapsed.TotalMilliseconds) / result.Usage.Sum(u => u.Calls):0} ms on average; thread pool threads {ThreadPool.ThreadCount}; most requests in flight {server.MaxInFlight}");
        Print($"  client: retries {result.Engine.Resilience!.Retries}, throttled {result.Engine.Resilience.Throttled}, timeouts {result.Engine.Resilience.Timeouts}");
        return lost == 0 && result.Status == JobStatuses.Done ? 0 : 1;
    }

    /// <summary>Answers sized like real ones: a translation about as long as its source, claims a fraction of it.</summary>
    private static string RealisticAnswer(FakeModelRequest request, O200kTokenCounter tokens)
    {
        if (request.Stage == "merge" || request.Stage == "brief")
        {
            // A model writes a summary, not the whole claim list back: keep merge to its first 12 claims and brief to
            // two claims per article, as max_tokens would.
            return BoundedAnswer(request, request.Stage == "merge" ? 12 : 2);
        }

        if (request.Stage != "translate")
        {
            return FakeModel.Answer(request.Stage, request.Input);
        }

        var answer = JsonNode.Parse(FakeModel.Answer("translate", request.Input))!.AsObject();
        var arabic = request.Input["sentences"]!.AsArray().ToDictionary(s => s!["id"]!.GetValue<string>(), s => s!["ar"]!.GetValue<string>());
        foreach (var item in answer["translations"]!.AsArray())
        {
            var en = item!["en"]!.GetValue<string>();
            var words = Math.Max(0, tokens.Count(arabic[item["id"]!.GetValue<string>()]) - tokens.Count(en));
            item["en"] = en + string.Concat(Enumerable.Repeat(" word", words));
        }

        return answer.ToJsonString();
    }

    private static string BoundedAnswer(FakeModelRequest request, int keep)
    {
        var input = (JsonObject)request.Input.DeepClone();
        if (request.Stage == "merge")
        {
            var claims = input["claims"]!.AsArray();
            while (claims.Count > keep)
            {
                claims.RemoveAt(claims.Count - 1);
            }
        }
        else
        {
            foreach (var article in input["articles"]!.AsArray())
            {
                var claims = article!["claims"]!.AsArray();
                while (claims.Count > keep)
                {
                    claims.RemoveAt(claims.Count - 1);
                }
            }
        }

        return FakeModel.Answer(request.Stage, input);
    }

    private static int LostChunks(JobResult result)
    {
        var lost = 0;
        foreach (var article in result.Articles)
        {
            var path = Path.Combine(result.JobDirectory, "articles", article.Id, "translation.json");
            if (!File.Exists(path))
            {
                lost++;
                continue;
            }

            using var translation = JsonDocument.Parse(File.ReadAllText(path));
            lost += translation.RootElement.GetProperty("sentences").EnumerateArray().Any(s => s.GetProperty("en").ValueKind == JsonValueKind.Null) ? 1 : 0;
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.JobDirectory, "manifest.json")));
        return lost + manifest.RootElement.GetProperty("failures").GetArrayLength();
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}

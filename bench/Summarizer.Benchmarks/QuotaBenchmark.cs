using Summarizer.Core.Outputs;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Chunking;
using Summarizer.Core.Jobs;
using Summarizer.Core.Resilience;
using Summarizer.Core.Stages;
using Summarizer.Testing;
using Summarizer.Core.Tokens;

namespace Summarizer.Benchmarks;

/// <summary>
/// A job against a loopback Azure OpenAI deployment that enforces a TPM and RPM quota as the service does: admission
/// on prompt tokens + max_tokens, counted over a sliding 60-second window or in 10-second windows, rate-limit headers
/// on every answer, 429 with retry-after and retry-after-ms and Azure's error body when a request does not fit. The
/// model answers at a fixed latency per output token with answers sized like real ones. The client either knows the
/// quota (configured) or learns it from the headers alone.
/// </summary>
internal static class QuotaBenchmark
{
    /// <summary>Runs one cell and prints its report; returns 0 when the job finished with nothing lost.</summary>
    public static async Task<int> RunAsync(QuotaCell cell)
    {
        var row = await MeasureAsync(cell);
        Print($"quota benchmark: {row.Cell.Describe()}");
        Print($"  job status                  {row.Status}; lost chunks {row.Lost}");
        Print($"  wall time                   {row.Wall.TotalSeconds:0.0} s ({Math.Ceiling(row.Wall.TotalSeconds / 60):0} quota windows of 60 s)");
        Print($"  requests admitted / 429     {row.Admitted:N0} / {row.Throttled:N0}  (429 share {row.ThrottledShare:P2}; {row.ThrottledOnRequests} of them for RPM)");
        Print($"  charged tokens              {row.Charged:N0}  → charged TPM / quota {row.ChargedPerQuota:0.000}");
        Print($"  used tokens (prompt+answer) {row.Used:N0}  → used / charged {row.UsedPerCharged:0.000}");
        foreach (var stage in row.Stages)
        {
            Print($"  {stage.Stage,-10} calls {stage.Calls}, repairs {stage.Repairs}, splits {stage.Splits}, failed {stage.Failed}, tokens in {stage.InputTokens:N0} / out {stage.OutputTokens:N0}");
        }

        Print($"  client: retries {row.Retries}, learnt or configured TPM {row.ClientTpm:N0}, charge factor {row.ChargeFactor:0.000}");
        return row.Lost == 0 && row.Status == JobStatuses.Done ? 0 : 1;
    }

    /// <summary>Runs the table: both window models, headers only and configured, at the two concurrencies.</summary>
    public static async Task<int> RunTableAsync(int articles, long tokensPerMinute, long requestsPerMinute, double msPerToken)
    {
        var rows = new List<QuotaRow>();
        Print($"| window | quota | concurrency | 429 share | charged TPM / quota | used / charged | wall s | status |");
        Print($"| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var windows in new[] { QuotaWindows.SlidingMinute, QuotaWindows.TenSeconds })
        {
            foreach (var configured in new[] { false, true })
            {
                foreach (var concurrency in new[] { 4, 16 })
                {
                    var row = await MeasureAsync(new QuotaCell(articles, tokensPerMinute, requestsPerMinute, concurrency, windows, configured, msPerToken, null, false));
                    rows.Add(row);
                    Print($"| {(windows == QuotaWindows.SlidingMinute ? "sliding 60 s" : "10 s windows")} | {(configured ? "configured" : "headers only")} | {concurrency} | {row.ThrottledShare:P2} ({row.Throttled}/{row.Admitted + row.Throttled}) | {row.ChargedPerQuota:0.000} | {row.UsedPerCharged:0.000} | {row.Wall.TotalSeconds:0} | {row.Status}, lost {row.Lost} |");
                }
            }
        }

        return rows.All(r => r.Lost == 0 && r.Status == JobStatuses.Done) ? 0 : 1;
    }

    private static async Task<QuotaRow> MeasureAsync(QuotaCell cell)
    {
        using var input = new TempFolder();
        using var output = new TempFolder();
        var text = new SyntheticArabic(7);
        for (var i = 0; i < cell.Articles; i++)
        {
            input.Write(string.Create(CultureInfo.InvariantCulture, $"article-{i:D4}.txt"), text.Article(500));
        }

        await using var server = await LoopbackOpenAiServer.StartAsync();
        server.Quota = new ServerQuota(cell.TokensPerMinute, cell.RequestsPerMinute, cell.Windows);
        server.LatencyPerOutputToken = TimeSpan.FromMilliseconds(cell.MsPerToken);
        var counter = new O200kTokenCounter();
        server.Override = r => FakeModelReply.Content(RealisticAnswer(r, counter));
        var settings = new List<(string, string)>
        {
            ("Summarizer:Engine:Kind", "azure"),
            ("Summarizer:Engine:Endpoint", server.BaseAddress.ToString()),
            ("Summarizer:Engine:Deployment", "bench"),
            ("AZURE_OPENAI_API_KEY", "bench-key"),
            ("Summarizer:Resilience:TokensPerMinute", cell.Configured ? cell.TokensPerMinute.ToString(CultureInfo.InvariantCulture) : "0"),
            ("Summarizer:Resilience:RequestsPerMinute", cell.Configured ? cell.RequestsPerMinute.ToString(CultureInfo.InvariantCulture) : "0"),
            ("Summarizer:Prompts:Root", Path.Combine(RepositoryPaths.Root, "prompts")),
            ("Summarizer:Jobs:OutputRoot", output.Path),
        };
        if (cell.FixedMaxTokens)
        {
            // Every call gets its prompt's max_tokens, as before max_tokens was sized per call.
            settings.Add(("Summarizer:Planning:MinOutputTokens", "100000"));
        }

        var services = CoreServices.Create([.. settings]);
        var clock = Stopwatch.StartNew();
        var result = await services.GetRequiredService<JobRunner>().RunAsync(new JobRequest([cell.InputPath ?? input.Path]) { Concurrency = cell.Concurrency, NoCache = true });
        clock.Stop();

        var quota = server.Quota;
        var deployment = result.Engine.Pool[0];
        return new QuotaRow(
            cell, result.Status, LostChunks(result), clock.Elapsed, quota.Admitted, quota.Throttled, quota.ThrottledOnRequests,
            quota.AdmittedTokens, server.ProcessedTokens, result.Engine.Resilience!.Retries, deployment.Quota.TokensPerMinute, deployment.Quota.ChargeFactor)
        {
            Stages = result.Usage,
        };
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

        return answer.ToJsonString(FakeModel.Literal);
    }

    /// <summary>The fake model's merge or brief answer over only the first <paramref name="keep"/> claims (of each article, for brief).</summary>
    internal static string BoundedAnswer(FakeModelRequest request, int keep)
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

/// <summary>One benchmark cell: the job, the server's quota and how it counts it, and what the client knows.</summary>
internal sealed record QuotaCell(
    int Articles,
    long TokensPerMinute,
    long RequestsPerMinute,
    int Concurrency,
    QuotaWindows Windows,
    bool Configured,
    double MsPerToken,
    string? InputPath,
    bool FixedMaxTokens)
{
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(InputPath is null ? $"{Articles} generated articles (~500 words)" : InputPath)}, quota {TokensPerMinute:N0} TPM / {RequestsPerMinute:N0} RPM over {(Windows == QuotaWindows.SlidingMinute ? "a sliding 60 s window" : "10 s windows")}, concurrency {Concurrency}, client quota {(Configured ? "configured" : "from headers only")}, {MsPerToken} ms per output token{(FixedMaxTokens ? ", max_tokens fixed per stage" : ", max_tokens sized per call")}");
}

/// <summary>What one cell measured.</summary>
internal sealed record QuotaRow(
    QuotaCell Cell,
    string Status,
    int Lost,
    TimeSpan Wall,
    long Admitted,
    long Throttled,
    long ThrottledOnRequests,
    long Charged,
    long Used,
    long Retries,
    long ClientTpm,
    double ChargeFactor)
{
    public IReadOnlyList<StageUsageSnapshot> Stages { get; init; } = [];

    public double ThrottledShare => Admitted + Throttled == 0 ? 0 : (double)Throttled / (Admitted + Throttled);

    public double ChargedPerQuota => Charged / Wall.TotalMinutes / Cell.TokensPerMinute;

    public double UsedPerCharged => Charged == 0 ? 0 : (double)Used / Charged;
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Jobs;
using Summarizer.Core.Prompts;
using Summarizer.Core.Stages;
using Summarizer.Core.Store;
using Summarizer.Testing;

namespace Summarizer.Benchmarks;

/// <summary>
/// Runs the five seeds against the loopback server, then re-runs the job with a new summarize prompt, and reports
/// calls and tokens of both (and their ratio) plus the cost of one cache lookup, hit and miss.
/// </summary>
internal static class RerunBenchmark
{
    public static async Task<int> RunAsync()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync();
        using var output = new TempFolder();
        using var prompts = new TempFolder().CopyFrom(Path.Combine(RepositoryPaths.Root, "prompts"));

        var services = CoreServices.Create(
            ("Summarizer:Engine:Kind", "openai"),
            ("Summarizer:Engine:Endpoint", new Uri(server.BaseAddress, "v1").ToString()),
            ("Summarizer:Engine:Model", "gpt-4o-mini"),
            ("Summarizer:Prompts:Root", prompts.Path),
            ("Summarizer:Jobs:OutputRoot", output.Path));
        var runner = services.GetRequiredService<JobRunner>();

        var first = await runner.RunAsync(new JobRequest([RepositoryPaths.Seeds]));
        var library = services.GetRequiredService<PromptLibrary>();
        var v2 = library.CreateNext("summarize");
        File.WriteAllText(v2, File.ReadAllText(v2).Replace("Rules:", "Rules:\n  - State amounts with their currency.", StringComparison.Ordinal));
        // A new prompt yields new claims; the loopback "model" marks its v2 answers so merge and brief see changed input.
        server.Override = r => r.Stage == "summarize" && r.Body.Contains("State amounts with their currency", StringComparison.Ordinal)
            ? FakeModelReply.Content(FakeModel.Answer("summarize", r.Input).Replace("Claim from", "Claim (v2) from", StringComparison.Ordinal))
            : null;
        var second = await runner.RerunAsync(first.JobId, new JobRequest([]) { PromptVersions = new Dictionary<string, int> { ["summarize"] = 2 } });

        Print($"re-run benchmark: five seeds, loopback OpenAI-protocol server, then a summarize-only re-run (summarize v2)");
        Print($"  {"stage",-10} {"first calls",12} {"first tokens",13} {"re-run paid",12} {"re-run reused",14} {"re-run tokens",14}");
        foreach (var stage in first.Usage)
        {
            var again = second.Usage.Single(u => u.Stage == stage.Stage);
            Print($"  {stage.Stage,-10} {stage.Calls,12} {stage.InputTokens + stage.OutputTokens,13} {again.Calls,12} {again.Reused,14} {again.InputTokens + again.OutputTokens,14}");
        }

        var (calls1, tokens1) = Totals(first.Usage);
        var (calls2, tokens2) = Totals(second.Usage);
        Print($"  total      {calls1,12} {tokens1,13} {calls2,12} {second.Usage.Sum(u => u.Reused),14} {tokens2,14}");
        Print($"  re-run / first: calls {(double)calls2 / calls1:0.000}, tokens {(double)tokens2 / tokens1:0.000}");

        var store = new JobStore(JobStore.PathIn(output.Path));
        var (hit, miss) = LookupCost(store, first.JobId);
        var perCall = first.Usage.Sum(u => u.Elapsed.TotalMilliseconds) / calls1;
        Print($"  cache lookup: hit {hit:0.0} µs, miss {miss:0.0} µs per call (SQLite, WAL); a loopback model call took {perCall:0.00} ms on average");
        Print($"  lookup (hit) / loopback call: {hit / 1000 / perCall:0.0000}");
        return 0;
    }

    private static (long Calls, long Tokens) Totals(IReadOnlyList<StageUsageSnapshot> usage) =>
        (usage.Sum(u => u.Calls), usage.Sum(u => u.InputTokens + u.OutputTokens));

    private static (double HitMicros, double MissMicros) LookupCost(JobStore store, string jobId)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT cache_key FROM cache";
        var keys = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                keys.Add(reader.GetString(0));
            }
        }

        const int rounds = 2000;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < rounds; i++)
        {
            _ = store.GetAnswer(keys[i % keys.Count]);
        }

        var hit = Stopwatch.GetElapsedTime(started).TotalMicroseconds / rounds;
        started = Stopwatch.GetTimestamp();
        for (var i = 0; i < rounds; i++)
        {
            _ = store.GetAnswer(CanonicalJson.Hash(jobId + i.ToString(CultureInfo.InvariantCulture)));
        }

        return (hit, Stopwatch.GetElapsedTime(started).TotalMicroseconds / rounds);
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}

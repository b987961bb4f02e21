using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Summarizer.Core.Jobs;
using Summarizer.Core.Outputs;
using Summarizer.Core.Planning;
using Summarizer.Testing;

namespace Summarizer.Benchmarks;

/// <summary>
/// A generated job in batch mode through the in-process loopback Batch API, waiting for its rounds on the Batch API's
/// fake clock (moved on by one poll interval whenever the job waits), twice: clean, and with 2% of lines answered 429 or
/// 500 the first time they run and the first batch expiring with half its lines run. Reports rounds, lines per round,
/// wall and fake-clock time, lines resubmitted, lines paid twice, and the plan's batch ÷ realtime cost.
/// </summary>
internal static class BatchBenchmark
{
    private const double PollSeconds = 60;

    public static async Task<int> RunAsync(int articles, int words)
    {
        using var input = new TempFolder();
        PlanBenchmark.Generate(input, articles, words, seed: 7);
        Print($"batch benchmark: {articles} generated articles of ~{words} words, openai engine, loopback Batch API (validating 1 min, in progress 10 min, finalizing 1 min), polled every {PollSeconds:0} s of its fake clock");

        var clean = await MeasureAsync(input.Path, faults: false);
        var faulty = await MeasureAsync(input.Path, faults: true);
        foreach (var run in new[] { clean, faulty })
        {
            Print($"  {run.Name}");
            Print($"    job status          {run.Status}");
            Print($"    rounds              {run.Rounds.Count} (lines per round: {string.Join(", ", run.Rounds.Select(r => r.Lines))}; batches {run.Rounds.Sum(r => r.BatchIds.Count)})");
            Print($"    wall time           {run.Wall.TotalSeconds:0.0} s");
            Print($"    fake-clock time     {run.FakeClock.TotalMinutes:0} min ({run.FakeClock.TotalMinutes / Math.Max(1, run.Rounds.Count):0.0} min per round)");
            Print($"    lines failed        {run.Rounds.Sum(r => r.Failed)} (injected: {run.InjectedLineFailures} line errors, {run.Expired} lines never run in the expired batch)");
            Print($"    lines resubmitted   {run.Rounds.Sum(r => r.Resubmitted)} (per round: {string.Join(", ", run.Rounds.Select(r => r.Resubmitted))})");
            Print($"    lines served        {run.Served} for {run.Distinct} custom ids; paid twice {run.PaidTwice}");
        }

        var (realtime, batch) = await PlanCostsAsync(input.Path);
        Print($"  plan cost             realtime {realtime:0.0000} USD, batch {batch:0.0000} USD → batch ÷ realtime {batch / realtime:0.000}");
        return clean.PaidTwice == 0 && faulty.PaidTwice == 0 && clean.Status == JobStatuses.Done ? 0 : 1;
    }

    private static async Task<BatchRun> MeasureAsync(string input, bool faults)
    {
        await using var server = await LoopbackOpenAiServer.StartAsync();
        using var output = new TempFolder();
        var failedLines = new HashSet<string>(StringComparer.Ordinal);
        server.Batch.LineReply = (id, request) =>
        {
            // A briefing of 200 articles written from every claim passes max_tokens; a model cites a few per article.
            if (request.Stage == "brief")
            {
                return FakeModelReply.Content(QuotaBenchmark.BoundedAnswer(request, keep: 1));
            }

            // 2% of lines (by their id, so the same ones in every run) fail the first time they run: 429 or 500.
            lock (failedLines)
            {
                var hash = Fnv(id);
                return faults && hash % 50 == 0 && failedLines.Add(id)
                    ? hash % 2 == 0
                        ? FakeModelReply.Error(429, "429", "Rate limit reached for requests")
                        : FakeModelReply.Error(500, "server_error", "The server had an error while processing your request.")
                    : null;
            }
        };
        server.Batch.ExpireNextAfterShare = faults ? 0.5 : null;

        var clock = new WaitingClock(server.Batch.Clock);
        var services = CoreServices.Create(clock, [.. Settings(server, output.Path), ("Summarizer:Jobs:Mode", "batch"), ("Summarizer:Batch:PollSeconds", PollSeconds.ToString(CultureInfo.InvariantCulture))]);
        var started = server.Batch.Clock.GetUtcNow();
        var wall = Stopwatch.StartNew();
        var job = Task.Run(() => services.GetRequiredService<JobRunner>().RunAsync(new JobRequest([input])));
        while (!job.IsCompleted)
        {
            // The job waits for its round: the provider's time passes by one poll.
            if (clock.Waiting > 0)
            {
                server.Batch.Advance(TimeSpan.FromSeconds(PollSeconds));
            }
            else
            {
                await Task.Delay(1);
            }
        }

        var result = await job;
        wall.Stop();
        var manifest = new JobFolder(result.JobDirectory).ReadManifest();
        var rounds = manifest.Batch ?? [];
        foreach (var failure in manifest.Failures.Concat(manifest.Articles.SelectMany(a => a.Failures)).Take(5))
        {
            Print($"    failure: {failure}");
        }

        var served = server.Batch.Served;
        var firstRound = rounds.Count > 0 ? rounds[0] : null;
        return new BatchRun(
            faults ? "with 2% line errors (429/500) and the first batch expired at half its lines" : "clean",
            result.Status, rounds, wall.Elapsed, server.Batch.Clock.GetUtcNow() - started, failedLines.Count,
            faults && firstRound is not null ? firstRound.Lines - (int)Math.Floor(firstRound.Lines * 0.5) : 0,
            served.Values.Sum(), served.Count,
            served.Count(s => s.Value - (failedLines.Contains(s.Key) ? 1 : 0) > 1));
    }

    private static async Task<(decimal Realtime, decimal Batch)> PlanCostsAsync(string input)
    {
        using var output = new TempFolder();
        var planner = CoreServices.Create([.. Settings(null, output.Path)]).GetRequiredService<JobPlanner>();
        var realtime = await planner.PlanAsync(new PlanRequest([input]) { Model = "gpt-4o-mini" });
        var batch = await planner.PlanAsync(new PlanRequest([input]) { Model = "gpt-4o-mini", Batch = true });
        return (realtime.CostUsd ?? 0, batch.CostUsd ?? 0);
    }

    private static (string, string)[] Settings(LoopbackOpenAiServer? server, string output) =>
    [
        ("Summarizer:Engine:Kind", "openai"),
        ("Summarizer:Engine:Endpoint", server is null ? "http://127.0.0.1:9/v1" : new Uri(server.BaseAddress, "v1").ToString()),
        ("Summarizer:Engine:Model", "gpt-4o-mini"),
        ("OPENAI_API_KEY", "sk-bench-batch"),
        ("Summarizer:Prompts:Root", Path.Combine(RepositoryPaths.Root, "prompts")),
        ("Summarizer:Jobs:OutputRoot", output),
        ("Summarizer:Pricing:Models:gpt-4o-mini:InputPerMillion", "0.15"),
        ("Summarizer:Pricing:Models:gpt-4o-mini:OutputPerMillion", "0.60"),
    ];

    /// <summary>FNV-1a: the same lines fail in every run (string hashes change per process).</summary>
    private static uint Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    private sealed record BatchRun(
        string Name, string Status, IReadOnlyList<ManifestBatchRound> Rounds, TimeSpan Wall, TimeSpan FakeClock, int InjectedLineFailures, int Expired,
        int Served, int Distinct, int PaidTwice);

    /// <summary>The Batch API's fake clock as the job's clock, counting the waits under way (a poll's delay is a timer on it).</summary>
    private sealed class WaitingClock(FakeTimeProvider fake) : TimeProvider
    {
        private int _waiting;

        public int Waiting => Volatile.Read(ref _waiting);

        public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

        public override long GetTimestamp() => fake.GetTimestamp();

        public override long TimestampFrequency => fake.TimestampFrequency;

        public override TimeZoneInfo LocalTimeZone => fake.LocalTimeZone;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return fake.CreateTimer(callback, state, dueTime, period);
            }

            Interlocked.Increment(ref _waiting);
            return fake.CreateTimer(
                s =>
                {
                    Interlocked.Decrement(ref _waiting);
                    callback(s);
                },
                state,
                dueTime,
                period);
        }
    }
}

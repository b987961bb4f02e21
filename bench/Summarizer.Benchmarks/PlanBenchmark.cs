using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core;
using Summarizer.Core.Chunking;
using Summarizer.Core.Planning;
using Summarizer.Testing;
using Summarizer.Core.Tokens;

namespace Summarizer.Benchmarks;

/// <summary>
/// Plans N generated articles of about W words (written to a temporary folder, so ingest reads real files) and reports
/// articles per second, peak memory and the share of time per step. One warm-up pass on a small folder runs first.
/// </summary>
internal static class PlanBenchmark
{
    public static async Task<int> RunAsync(int articles, int words, int chunkTokens)
    {
        using var folder = new TempFolder();
        using var warmup = new TempFolder();
        Generate(folder, articles, words, seed: 1);
        Generate(warmup, 20, words, seed: 2);

        var counter = new TimingTokenCounter(new O200kTokenCounter());
        var services = new ServiceCollection()
            .AddSummarizerCore(new ConfigurationBuilder().Build())
            .AddSingleton<ITokenCounter>(counter)
            .BuildServiceProvider();
        var planner = services.GetRequiredService<JobPlanner>();
        await planner.PlanAsync(new PlanRequest([warmup.Path]) { ChunkTokens = chunkTokens });
        counter.Reset();

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var timings = new PlanStepTimings();
        var wall = Stopwatch.StartNew();
        var plan = await planner.PlanAsync(new PlanRequest([folder.Path]) { ChunkTokens = chunkTokens }, timings);
        wall.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        using var process = Process.GetCurrentProcess();
        process.Refresh();

        // Token counting happens inside segment (every sentence, and the binary search of over-long ones) and once per
        // article inside estimate (the title); it is reported on its own row and taken out of segment.
        var tokenCount = counter.Elapsed;
        var steps = new (string Name, TimeSpan Time)[]
        {
            ("ingest (read, decode, clean)", timings.Ingest),
            ("segment (split sentences)", timings.Segment - tokenCount),
            ("token count (o200k_base)", tokenCount),
            ("chunk (pack by budget)", timings.Chunk),
            ("estimate (tokens per stage)", timings.Estimate),
        };
        var busy = steps.Sum(s => s.Time.TotalMilliseconds);

        Print($"plan benchmark: {articles} articles x ~{words} words, chunk budget {chunkTokens}, {Environment.ProcessorCount} cores");
        Print($"  accepted articles      {plan.Articles.Count(a => a.IsAccepted)} of {plan.Articles.Count}");
        Print($"  sentences / chunks     {plan.Sentences} / {plan.Chunks}");
        Print($"  wall time              {wall.Elapsed.TotalSeconds:0.000} s");
        Print($"  throughput             {articles / wall.Elapsed.TotalSeconds:0.0} articles/s");
        Print($"  peak working set       {process.PeakWorkingSet64 / (1024.0 * 1024):0} MiB");
        Print($"  allocated during run   {allocated / (1024.0 * 1024):0} MiB");
        Print($"  share of time per step (summed over threads):");
        foreach (var (name, time) in steps)
        {
            Print($"    {name,-34} {time.TotalMilliseconds / busy,6:P1}  ({time.TotalMilliseconds:0} ms)");
        }

        return plan.Rejected == 0 ? 0 : 1;
    }

    /// <summary>Writes generated articles; every tenth ends in scraped-page junk so ingest has boilerplate to drop.</summary>
    public static void Generate(TempFolder folder, int count, int words, int seed)
    {
        var text = new SyntheticArabic(seed);
        for (var i = 0; i < count; i++)
        {
            var body = text.Article(words);
            folder.Write(string.Create(CultureInfo.InvariantCulture, $"article-{i:D5}.txt"), i % 10 == 0 ? body + "\n\nشاركها\n{{ reviewsTotal }}\nزر الذهاب إلى الأعلى" : body);
        }
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}

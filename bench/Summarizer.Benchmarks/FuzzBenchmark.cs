using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Ingest;
using Summarizer.Testing;

namespace Summarizer.Benchmarks;

/// <summary>
/// The test suite's hostile-file fuzz at a larger scale: writes seeded hostile files, plans and runs them against the
/// loopback server (each step bounded), and reports what became of them, the slowest files to ingest, and every problem.
/// </summary>
internal static class FuzzBenchmark
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(30);

    public static async Task<int> RunAsync(int count, int seed, int hugeChars)
    {
        await using var server = await LoopbackOpenAiServer.StartAsync();
        using var input = new TempFolder();
        using var output = new TempFolder();
        var clock = Stopwatch.StartNew();
        var files = new HostileFiles(seed, hugeChars).WriteTo(input.Path, count);
        var written = clock.Elapsed;
        var bytes = files.Sum(f => new FileInfo(f).Length);

        var figures = await HostileFilesFuzz.RunAsync(server, input.Path, files, output.Path, Limit);

        Print($"fuzz benchmark: {count} hostile files (seed {seed}, huge strings {hugeChars:N0} chars, {bytes / 1024.0 / 1024.0:0.0} MB, written in {written.TotalSeconds:0.0} s)");
        Print($"  {figures}");
        Print($"  plan: {figures.Files / figures.PlanTime.TotalSeconds:0} files/s; run: {figures.Accepted / Math.Max(figures.RunTime.TotalSeconds, 0.001):0.0} articles/s ({server.Requests.Count} loopback calls)");
        Print($"  crashes {figures.Problems.Count(p => p.StartsWith("crash", StringComparison.Ordinal))}, hangs (over {Limit.TotalMinutes:0} min) {figures.Problems.Count(p => p.StartsWith("hang", StringComparison.Ordinal))}, other problems {figures.Problems.Count(p => !p.StartsWith("crash", StringComparison.Ordinal) && !p.StartsWith("hang", StringComparison.Ordinal))}");
        foreach (var problem in figures.Problems.Take(20))
        {
            Print($"  problem: {PrintableText.Escape(problem)}");
        }

        await SlowestAsync(files);
        return figures.Problems.Count == 0 ? 0 : 2;
    }

    /// <summary>Ingests and plans each file alone, and lists the five slowest: where the next hang would come from.</summary>
    private static async Task SlowestAsync(IReadOnlyList<string> files)
    {
        using var services = CoreServices.Create();
        var planner = services.GetRequiredService<Summarizer.Core.Planning.JobPlanner>();
        var times = new List<(double Ms, string File)>();
        foreach (var file in files)
        {
            var started = Stopwatch.GetTimestamp();
            await planner.PlanAsync(new Summarizer.Core.Planning.PlanRequest([file]));
            times.Add((Stopwatch.GetElapsedTime(started).TotalMilliseconds, file));
        }

        var ordered = times.OrderByDescending(t => t.Ms).ToList();
        Print($"  planning one file alone: median {ordered[ordered.Count / 2].Ms:0.0} ms, p99 {ordered[ordered.Count / 100].Ms:0} ms; slowest:");
        foreach (var (ms, file) in ordered.Take(5))
        {
            Print($"    {ms,8:0} ms  {new FileInfo(file).Length,9:N0} bytes  {PrintableText.Escape(Path.GetFileName(file))}");
        }
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}

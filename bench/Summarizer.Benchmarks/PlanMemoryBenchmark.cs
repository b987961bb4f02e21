using System.Globalization;
using Summarizer.Testing;

namespace Summarizer.Benchmarks;

/// <summary>
/// Runs <c>summarizer plan &lt;folder&gt; --json</c> on folders of 1,000, 4,000 and 8,000 generated articles (or the
/// counts given), each in its own process so the peaks do not mix, and reports each process's peak resident memory.
/// Flat peaks mean planning streams; a peak that grows with the count means it holds articles.
/// </summary>
internal static class PlanMemoryBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<int> counts, int words)
    {
        Print($"plan memory benchmark: summarizer plan <folder> --json, ~{words} words per article, {CliProcess.Binary}");
        var failed = false;
        (int Count, long Peak)? first = null;
        foreach (var count in counts)
        {
            using var folder = new TempFolder();
            PlanBenchmark.Generate(folder, count, words, seed: 1);
            var run = await CliProcess.RunAsync("plan", folder.Path, "--json");
            failed |= run.ExitCode != 0;
            var perArticle = first is { } f && count != f.Count ? $"   {(run.PeakBytes - f.Peak) / 1024.0 / (count - f.Count):0.0} KiB per article more than {f.Count}" : string.Empty;
            Print($"  {count,6} articles   peak working set {run.PeakBytes / (1024.0 * 1024):0} MiB   wall {run.Wall.TotalSeconds:0.00} s   exit {run.ExitCode}{perArticle}");
            first ??= (count, run.PeakBytes);
        }

        return failed ? 1 : 0;
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}

using System.Globalization;
using Summarizer.Testing;

namespace Summarizer.Benchmarks;

/// <summary>
/// Starts the built CLI N times for <c>--help</c> and N times for <c>plan</c> on one sample article, after one warm-up
/// start each (so the files are in the page cache), and reports the median, minimum and maximum wall time.
/// </summary>
internal static class StartupBenchmark
{
    public static async Task<int> RunAsync(int runs)
    {
        var article = Path.Combine(RepositoryPaths.SampleArticles, "water-desalination-plant.txt");
        Print($"startup benchmark: {runs} starts each of {CliProcess.Binary}, {Environment.ProcessorCount} cores");
        var failed = false;
        foreach (var args in new[] { new[] { "--help" }, new[] { "plan", article } })
        {
            await CliProcess.RunAsync(args);
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var run = await CliProcess.RunAsync(args);
                failed |= run.ExitCode != 0;
                times.Add(run.Wall.TotalMilliseconds);
            }

            times.Sort();
            var label = string.Join(' ', args.Select(a => a == article ? Path.GetFileName(a) : a));
            Print($"  {label,-40} median {times[times.Count / 2],6:0} ms   min {times[0],6:0} ms   max {times[^1],6:0} ms");
        }

        return failed ? 1 : 0;
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}

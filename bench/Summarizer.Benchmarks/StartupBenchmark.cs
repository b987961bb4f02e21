using System.Globalization;
using Summarizer.Testing;

namespace Summarizer.Benchmarks;

/// <summary>
/// Starts the built CLI N times for <c>--help</c> and N times for <c>plan</c> on one sample article, after one warm-up
/// start each (so the files are in the page cache), and reports the median, minimum and maximum wall time. Given
/// several binaries (say, before and after a change), it alternates between them run by run, so a load that comes
/// and goes on a shared machine falls on all of them alike.
/// </summary>
internal static class StartupBenchmark
{
    public static async Task<int> RunAsync(int runs, IReadOnlyList<string> binaries)
    {
        binaries = binaries.Count > 0 ? binaries.Select(Path.GetFullPath).ToList() : [CliProcess.Binary];
        var article = Path.Combine(RepositoryPaths.SampleArticles, "water-desalination-plant.txt");
        Print($"startup benchmark: {runs} starts of each command per binary, {Environment.ProcessorCount} cores");
        var failed = false;
        foreach (var args in new[] { new[] { "--help" }, new[] { "plan", article } })
        {
            var times = binaries.ToDictionary(b => b, _ => new List<double>());
            foreach (var binary in binaries)
            {
                await CliProcess.RunAsync(binary, args);
            }

            for (var i = 0; i < runs; i++)
            {
                foreach (var binary in binaries)
                {
                    var run = await CliProcess.RunAsync(binary, args);
                    failed |= run.ExitCode != 0;
                    times[binary].Add(run.Wall.TotalMilliseconds);
                }
            }

            var label = string.Join(' ', args.Select(a => a == article ? Path.GetFileName(a) : a));
            foreach (var (binary, list) in times)
            {
                list.Sort();
                Print($"  {label,-34} median {list[list.Count / 2],6:0} ms   min {list[0],6:0} ms   max {list[^1],6:0} ms   {binary}");
            }
        }

        return failed ? 1 : 0;
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}

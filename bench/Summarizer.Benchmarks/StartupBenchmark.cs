using System.Globalization;
using Summarizer.Testing;

namespace Summarizer.Benchmarks;

/// <summary>
/// Starts the built CLI N times for <c>--help</c> and N times for <c>plan</c> on one sample article, after one warm-up
/// start each (so the files are in the page cache), and reports the median, minimum and maximum wall time and the
/// median CPU time (user + system, all threads: work moved to a second core shows in wall time only). Given
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
            var times = binaries.ToDictionary(b => b, _ => (Wall: new List<double>(), Cpu: new List<double>()));
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
                    times[binary].Wall.Add(run.Wall.TotalMilliseconds);
                    times[binary].Cpu.Add(run.Cpu.TotalMilliseconds);
                }
            }

            var label = string.Join(' ', args.Select(a => a == article ? Path.GetFileName(a) : a));
            foreach (var (binary, (wall, cpu)) in times)
            {
                wall.Sort();
                cpu.Sort();
                Print($"  {label,-34} wall median {wall[wall.Count / 2],5:0} ms (min {wall[0],5:0}, max {wall[^1],5:0})   cpu median {cpu[cpu.Count / 2],5:0} ms   {binary}");
            }
        }

        return failed ? 1 : 0;
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}

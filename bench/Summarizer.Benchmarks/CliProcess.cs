using System.Diagnostics;
using System.Globalization;
using Summarizer.Testing;

namespace Summarizer.Benchmarks;

/// <summary>
/// Starts the built CLI (<c>src/Summarizer.Cli/bin/Release/net10.0/summarizer</c>, or <c>BENCH_CLI</c>) as its own
/// process, as a user would, and measures its wall time and peak resident memory.
/// </summary>
internal static class CliProcess
{
    /// <summary>Gets the CLI binary the benchmarks start.</summary>
    public static string Binary { get; } = Environment.GetEnvironmentVariable("BENCH_CLI")
        ?? Path.Combine(RepositoryPaths.Root, "src", "Summarizer.Cli", "bin", "Release", "net10.0", "summarizer");

    /// <summary>Runs the CLI once with its output discarded; the peak is the kernel's high-water mark of resident memory.</summary>
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(Binary, args);

    /// <summary>Runs the given CLI binary once with its output discarded.</summary>
    public static async Task<CliRun> RunAsync(string binary, IReadOnlyList<string> args)
    {
        if (!File.Exists(binary))
        {
            throw new FileNotFoundException($"build the CLI first: dotnet build -c Release src/Summarizer.Cli ({binary} not found)");
        }

        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var cpuBefore = ChildCpuTime.Now();
        var wall = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var drain = Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(Stream.Null), process.StandardError.BaseStream.CopyToAsync(Stream.Null));
        long peak = 0;
        if (OperatingSystem.IsLinux())
        {
            // VmHWM only grows, so the last reading before exit is the peak up to the last few milliseconds.
            while (!process.HasExited)
            {
                peak = Math.Max(peak, ReadHighWaterMark(process.Id));
                await Task.Delay(5);
            }
        }

        await process.WaitForExitAsync();
        wall.Stop();
        await drain;
        return new CliRun(process.ExitCode, wall.Elapsed, ChildCpuTime.Now() - cpuBefore, peak);
    }

    private static long ReadHighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process exited between the check and the read.
        }

        return 0;
    }
}

/// <summary>One run of the CLI: its exit code, wall time, CPU time (user + system) and peak resident memory.</summary>
internal sealed record CliRun(int ExitCode, TimeSpan Wall, TimeSpan Cpu, long PeakBytes);

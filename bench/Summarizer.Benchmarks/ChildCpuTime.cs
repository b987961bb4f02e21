using System.Runtime.InteropServices;

namespace Summarizer.Benchmarks;

/// <summary>
/// The CPU time (user + system) of all reaped child processes, from <c>getrusage(RUSAGE_CHILDREN)</c>. The benchmarks
/// run one child at a time, so the difference across one run is that run's CPU time, which other processes' load
/// on a shared machine disturbs far less than wall time.
/// </summary>
internal static class ChildCpuTime
{
    private const int RusageChildren = -1;

    /// <summary>Gets the CPU time of reaped children so far, or zero where getrusage is not available.</summary>
    public static TimeSpan Now()
    {
        if (!OperatingSystem.IsLinux() || NativeMethods.getrusage(RusageChildren, out var usage) != 0)
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.FromMicroseconds(((usage.UserSeconds + usage.SystemSeconds) * 1_000_000) + usage.UserMicroseconds + usage.SystemMicroseconds);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;

        // The fourteen counters after the two times (maxrss, page faults, switches, ...) are not read.
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int getrusage(int who, out ResourceUsage usage);
    }
}

using System.Diagnostics;

namespace Summarizer.Core.Planning;

/// <summary>Time spent per planning step, summed over all articles (across threads), for benchmarks and diagnostics.</summary>
public sealed class PlanStepTimings
{
    private long _ingest;
    private long _segment;
    private long _chunk;
    private long _estimate;

    /// <summary>Gets the time spent reading, decoding and cleaning files.</summary>
    public TimeSpan Ingest => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ingest));

    /// <summary>Gets the time spent splitting sentences (token counting included).</summary>
    public TimeSpan Segment => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _segment));

    /// <summary>Gets the time spent packing chunks.</summary>
    public TimeSpan Chunk => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _chunk));

    /// <summary>Gets the time spent estimating tokens and cost.</summary>
    public TimeSpan Estimate => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _estimate));

    internal void AddIngest(long startTimestamp) => Interlocked.Add(ref _ingest, Stopwatch.GetTimestamp() - startTimestamp);

    internal void AddSegment(long startTimestamp) => Interlocked.Add(ref _segment, Stopwatch.GetTimestamp() - startTimestamp);

    internal void AddChunk(long startTimestamp) => Interlocked.Add(ref _chunk, Stopwatch.GetTimestamp() - startTimestamp);

    internal void AddEstimate(long startTimestamp) => Interlocked.Add(ref _estimate, Stopwatch.GetTimestamp() - startTimestamp);
}

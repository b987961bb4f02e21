using System.Diagnostics;
using Summarizer.Core.Chunking;
using Summarizer.Core.Tokens;

namespace Summarizer.Benchmarks;

/// <summary>Wraps the real token counter and adds up the time spent in it, so the benchmark can report token counting apart.</summary>
internal sealed class TimingTokenCounter(ITokenCounter inner) : ITokenCounter
{
    private long _ticks;

    public string EncodingName => inner.EncodingName;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public int Count(ReadOnlySpan<char> text)
    {
        var started = Stopwatch.GetTimestamp();
        var count = inner.Count(text);
        Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
        return count;
    }

    public void Reset() => Interlocked.Exchange(ref _ticks, 0);
}

using System.Collections.Concurrent;
using Summarizer.Core.Engines;
using Summarizer.Core.Planning;

namespace Summarizer.Core.Stages;

/// <summary>Counts calls, repairs, failures, tokens and time per stage; safe to use from many workers.</summary>
public sealed class StageUsage
{
    private readonly ConcurrentDictionary<string, Counter> _stages = new(StringComparer.Ordinal);

    /// <summary>Gets the counters of a stage.</summary>
    public Counter For(string stage) => _stages.GetOrAdd(stage, _ => new Counter());

    /// <summary>Gets a snapshot per stage, in stage order.</summary>
    public IReadOnlyList<StageUsageSnapshot> Snapshot() =>
        StageNames.All.Select(stage => For(stage).Snapshot(stage)).ToList();

    /// <summary>Thread-safe counters of one stage.</summary>
    public sealed class Counter
    {
        private long _calls, _repairs, _failed, _reused, _filtered, _splits, _input, _output, _elapsedTicks;

        internal void AddCall(CallUsage usage, TimeSpan elapsed, bool repair)
        {
            Interlocked.Increment(ref _calls);
            if (repair)
            {
                Interlocked.Increment(ref _repairs);
            }

            Interlocked.Add(ref _input, usage.InputTokens);
            Interlocked.Add(ref _output, usage.OutputTokens);
            Interlocked.Add(ref _elapsedTicks, elapsed.Ticks);
        }

        internal void AddFailed() => Interlocked.Increment(ref _failed);

        internal void AddReused() => Interlocked.Increment(ref _reused);

        /// <summary>Counts an item the content filter stopped.</summary>
        public void AddFiltered() => Interlocked.Increment(ref _filtered);

        /// <summary>Counts a split of work into halves (after finish_reason length, or to isolate filtered text).</summary>
        public void AddSplit() => Interlocked.Increment(ref _splits);

        internal StageUsageSnapshot Snapshot(string stage) => new(
            stage,
            (int)Interlocked.Read(ref _calls),
            (int)Interlocked.Read(ref _repairs),
            (int)Interlocked.Read(ref _failed),
            (int)Interlocked.Read(ref _reused),
            (int)Interlocked.Read(ref _filtered),
            (int)Interlocked.Read(ref _splits),
            Interlocked.Read(ref _input),
            Interlocked.Read(ref _output),
            TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks)));
    }
}

/// <summary>What one stage spent: <see cref="Calls"/> were paid (repairs included), <see cref="Reused"/> came from the cache.</summary>
public sealed record StageUsageSnapshot(string Stage, int Calls, int Repairs, int Failed, int Reused, int Filtered, int Splits, long InputTokens, long OutputTokens, TimeSpan Elapsed);

using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Summarizer.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows which of its timers are pending and for how long each was set, so a test
/// can run a whole job on it: <see cref="RunAsync{T}"/> moves the clock straight to the next wait (a retry delay, a
/// retry-after, a quota pause) and never past a timeout, so no real time is slept and a loaded machine cannot make a
/// wait look longer or a timeout fire early.
/// </summary>
/// <remarks>
/// Waits and timeouts are told apart by how long the timer was set for: the driver fires only timers set for at most
/// its <c>longestWait</c>, which a test chooses below every timeout of the job (attempt and total timeouts, a server's
/// stall). A timeout is fired only by moving the clock on purpose (<see cref="FakeTimeProvider.Advance"/>).
/// </remarks>
public sealed class TestClock : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly HashSet<TrackedTimer> _pending = [];
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Initializes a new instance of the <see cref="TestClock"/> class at a fixed, arbitrary moment.</summary>
    public TestClock()
        : base(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Gets how long each pending timer was set for, shortest first.</summary>
    public IReadOnlyList<TimeSpan> PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _pending.Select(t => t.Duration).Order().ToList();
            }
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        tracked.Inner = base.CreateTimer(
            s =>
            {
                tracked.Fired();
                callback(s);
            },
            state,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        tracked.Change(dueTime, period);
        return tracked;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the thread pool and, while it runs, moves the clock to the next pending timer set
    /// for at most <paramref name="longestWait"/> whenever there is one. Waits for real time only for the work itself
    /// (bounded by <see cref="TimeBound.HangLimit"/>, so a wait that is never due fails the test instead of hanging it).
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, TimeSpan longestWait)
    {
        var task = Task.Run(work);
        var limit = Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            Task changed;
            TrackedTimer? next;
            lock (_gate)
            {
                changed = _changed.Task;
                next = _pending.Where(t => t.Duration <= longestWait).MinBy(t => t.DueAt);
            }

            if (next is not null)
            {
                // The waiters resume inside Advance (on this thread pool thread), so the clock stands still while they run.
                var step = next.DueAt - GetUtcNow();
                Advance(step > TimeSpan.Zero ? step : TimeSpan.FromTicks(1));
                continue;
            }

            var left = TimeBound.HangLimit - limit.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"the work did not finish within {TimeBound.HangLimit}; pending timers: {string.Join(", ", PendingTimers)}");
            }

            await Task.WhenAny(task, changed, Task.Delay(left)).ConfigureAwait(false);
        }

        return await task.ConfigureAwait(false);
    }

    /// <summary>Waits (bounded by <see cref="TimeBound.HangLimit"/>) until a timer set for <paramref name="duration"/> is pending.</summary>
    public async Task WaitForTimerAsync(TimeSpan duration)
    {
        var limit = Stopwatch.StartNew();
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_pending.Any(t => t.Duration == duration))
                {
                    return;
                }

                changed = _changed.Task;
            }

            var left = TimeBound.HangLimit - limit.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"no timer of {duration} within {TimeBound.HangLimit}; pending timers: {string.Join(", ", PendingTimers)}");
            }

            await Task.WhenAny(changed, Task.Delay(left)).ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Track(TrackedTimer timer, bool pending)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (pending)
            {
                _pending.Add(timer);
            }
            else
            {
                _pending.Remove(timer);
            }

            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    /// <summary>A timer of the fake clock with its due time and the duration it was set for.</summary>
    private sealed class TrackedTimer(TestClock clock) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public TimeSpan Duration { get; private set; }

        public DateTimeOffset DueAt { get; private set; }

        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            var pending = dueTime != Timeout.InfiniteTimeSpan;
            if (pending)
            {
                Duration = dueTime;
                DueAt = clock.GetUtcNow() + dueTime;
            }

            clock.Track(this, pending);
            return Inner.Change(dueTime, period);
        }

        public void Fired()
        {
            var periodic = _period != Timeout.InfiniteTimeSpan && _period != TimeSpan.Zero;
            if (periodic)
            {
                Duration = _period;
                DueAt = clock.GetUtcNow() + _period;
            }

            clock.Track(this, periodic);
        }

        public void Dispose()
        {
            clock.Track(this, pending: false);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            clock.Track(this, pending: false);
            return Inner.DisposeAsync();
        }
    }
}

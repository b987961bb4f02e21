namespace Summarizer.Core.Resilience;

/// <summary>
/// How many calls a deployment gets at once, adapting to throttling: halved when a 429 arrives, raised by one after
/// a run of successes as long as the current limit (additive increase, multiplicative decrease).
/// </summary>
public sealed class AdaptiveConcurrency(int maximum)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<TaskCompletionSource> _waiters = new();
    private int _limit = Math.Max(1, maximum);
    private int _inUse;
    private int _successes;

    /// <summary>Gets the current limit.</summary>
    public int Limit
    {
        get
        {
            lock (_gate)
            {
                return _limit;
            }
        }
    }

    /// <summary>Waits for a slot; dispose the result to give it back.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        LinkedListNode<TaskCompletionSource> node;
        lock (_gate)
        {
            if (_inUse < _limit)
            {
                _inUse++;
                return new Slot(this);
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
        }

        using (cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                if (node.List is not null)
                {
                    _waiters.Remove(node);
                    waiter.TrySetCanceled(cancellationToken);
                }
            }
        }))
        {
            await waiter.Task.ConfigureAwait(false);
        }

        return new Slot(this);
    }

    /// <summary>A 429 arrived: halve the limit.</summary>
    public void Throttled()
    {
        lock (_gate)
        {
            _limit = Math.Max(1, _limit / 2);
            _successes = 0;
        }
    }

    /// <summary>A call succeeded: after as many successes as the limit, allow one more call at once.</summary>
    public void Succeeded()
    {
        lock (_gate)
        {
            if (++_successes >= _limit && _limit < maximum)
            {
                _limit++;
                _successes = 0;
                WakeWaiters();
            }
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            _inUse--;
            WakeWaiters();
        }
    }

    private void WakeWaiters()
    {
        while (_inUse < _limit && _waiters.First is { } first)
        {
            _waiters.RemoveFirst();
            _inUse++;
            first.Value.TrySetResult();
        }
    }

    private sealed class Slot(AdaptiveConcurrency owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Leave();
            }
        }
    }
}

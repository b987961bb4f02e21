namespace Summarizer.Core.Resilience;

/// <summary>
/// A call's place among the job's concurrent calls (its <c>--concurrency</c>). The resilience pipeline gives the place
/// back while the call waits out a retry-after and takes it again before the next attempt, so callers resting after a
/// 429 never hold places others could send with: more concurrency then means more calls in flight, not more 429s.
/// </summary>
/// <remarks>
/// The place travels with the call as ambient async-local state, because the wait happens deep inside Semantic Kernel's
/// invocation where nothing from the job can be passed in.
/// </remarks>
public sealed class CallSlot
{
    private static readonly AsyncLocal<CallSlot?> Ambient = new();
    private readonly SemaphoreSlim _gate;
    private int _held = 1;

    private CallSlot(SemaphoreSlim gate) => _gate = gate;

    /// <summary>Gets the place of the call under way in this async flow, if it has one.</summary>
    public static CallSlot? Current => Ambient.Value;

    /// <summary>Takes a place at <paramref name="gate"/>, runs the call with it, and gives it back.</summary>
    public static async Task<T> RunAsync<T>(SemaphoreSlim gate, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(call);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var slot = new CallSlot(gate);
        Ambient.Value = slot;
        try
        {
            return await call().ConfigureAwait(false);
        }
        finally
        {
            slot.GiveBack();
        }
    }

    /// <summary>Gives the place back while the call waits (no effect when it is already given back).</summary>
    public void GiveBack()
    {
        if (Interlocked.Exchange(ref _held, 0) == 1)
        {
            _gate.Release();
        }
    }

    /// <summary>Takes the place again before the next attempt (no wait when it is still held).</summary>
    public async ValueTask RetakeAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _held) == 0)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _held, 1);
        }
    }
}

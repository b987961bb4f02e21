namespace Summarizer.Core.Stages;

/// <summary>One model call a stage needs: which stage, the cache key of its input, and which attempt it is.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="CacheKey">The response-cache key of the call's input (engine, model, prompt hash, input, settings).</param>
/// <param name="Attempt">The attempt: <see cref="First"/> or <see cref="Repair"/>, followed by <c>-</c><see cref="Longer"/> when it is sent again with twice the room.</param>
public sealed record StageCall(string Stage, string CacheKey, string Attempt)
{
    /// <summary>The first call for an input.</summary>
    public const string First = "first";

    /// <summary>The repair call after an invalid answer.</summary>
    public const string Repair = "repair";

    /// <summary>Marks an attempt sent again with twice the output room after a cut-off answer.</summary>
    public const string Longer = "longer";

    /// <summary>Gets an id naming this call among all of a job's: its cache key, with the attempt when it is not the first (a batch line's <c>custom_id</c>).</summary>
    public string Id => Attempt == First ? CacheKey : $"{CacheKey}:{Attempt}";
}

/// <summary>
/// Decides when and how the stages' uncached model calls are sent. Stage and validation code build the request and
/// check the answer; the scheduler only sends it: now (interactive), or in a provider batch later (batch). Cache hits
/// never reach it: the stage caller resolves them first.
/// </summary>
public interface ICallScheduler
{
    /// <summary>Sends the call (through <paramref name="send"/>) when the scheduler decides, and returns its answer.</summary>
    /// <exception cref="Engines.CallDeferredException">The call will be sent later (in a batch); its article waits for the answer.</exception>
    Task<T> SendAsync<T>(StageCall stageCall, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken);
}

/// <summary>The scheduler that sends every call at once, with no bound: for a stage caller used on its own.</summary>
public sealed class ImmediateScheduler : ICallScheduler
{
    /// <summary>Gets the instance.</summary>
    public static ImmediateScheduler Instance { get; } = new();

    /// <inheritdoc/>
    public Task<T> SendAsync<T>(StageCall stageCall, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken) => send(cancellationToken);
}

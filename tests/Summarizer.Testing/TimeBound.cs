namespace Summarizer.Testing;

/// <summary>Bounds work that would hang if the code under test regressed, so such a test fails by timeout instead.</summary>
public static class TimeBound
{
    /// <summary>Gets the bound hang tests use: far above what the work takes, far below what CI would wait.</summary>
    public static TimeSpan HangLimit { get; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs the work on the thread pool and waits at most <paramref name="limit"/> for it. The thread pool matters: a
    /// blocking open() never returns a task to wait on, so awaiting the work directly would hang the test itself.
    /// </summary>
    /// <exception cref="TimeoutException">The work did not finish in time.</exception>
    public static async Task<T> WithinAsync<T>(Func<Task<T>> work, TimeSpan? limit = null) =>
        await Task.Run(work).WaitAsync(limit ?? HangLimit);
}

namespace Summarizer.Core.Batch;

/// <summary>
/// What one batch input file may hold, and how many tokens may be enqueued at once. Azure: 100,000 requests or 200 MB a
/// file; OpenAI: 50,000 requests or 200 MB. The enqueued-token quota is the deployment's own (0: not bounded here).
/// </summary>
/// <param name="MaxRequests">The most lines in one file.</param>
/// <param name="MaxBytes">The most bytes in one file.</param>
/// <param name="EnqueuedTokens">The most estimated prompt tokens in batches not yet ended, 0 for no bound.</param>
public sealed record BatchLimits(int MaxRequests, long MaxBytes, long EnqueuedTokens = 0)
{
    /// <summary>200 MB, as both services count a file's size.</summary>
    public const long TwoHundredMegabytes = 200L * 1000 * 1000;

    /// <summary>Gets Azure OpenAI Global Batch's per-file limits.</summary>
    public static BatchLimits Azure { get; } = new(100_000, TwoHundredMegabytes);

    /// <summary>Gets OpenAI's per-file limits.</summary>
    public static BatchLimits OpenAI { get; } = new(50_000, TwoHundredMegabytes);

    /// <summary>The provider's limits with the options' overrides and token bound applied.</summary>
    public static BatchLimits For(bool azure, BatchOptions options)
    {
        var provider = azure ? Azure : OpenAI;
        return new BatchLimits(
            options.MaxRequestsPerFile > 0 ? options.MaxRequestsPerFile : provider.MaxRequests,
            options.MaxBytesPerFile > 0 ? options.MaxBytesPerFile : provider.MaxBytes,
            options.EnqueuedTokens);
    }
}

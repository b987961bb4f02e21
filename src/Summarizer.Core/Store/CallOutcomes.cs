namespace Summarizer.Core.Store;

/// <summary>What became of one stage call, as the job store's <c>calls</c> table records it.</summary>
public static class CallOutcomes
{
    /// <summary>The model was called and answered (a first call).</summary>
    public const string Paid = "paid";

    /// <summary>A valid cached answer was used; nothing was sent.</summary>
    public const string Reused = "reused";

    /// <summary>The model was called again to repair an invalid answer.</summary>
    public const string Repair = "repair";

    /// <summary>The call failed at the engine (HTTP error, timeout, filter, refusal).</summary>
    public const string Error = "error";
}

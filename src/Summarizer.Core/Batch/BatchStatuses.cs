namespace Summarizer.Core.Batch;

/// <summary>
/// The statuses of a batch and what each means to the client: <c>validating → in_progress → finalizing → completed</c>,
/// or <c>failed</c> (validation), <c>expired</c> (not done in the window; partial output), <c>cancelling → cancelled</c>
/// (partial output).
/// </summary>
public static class BatchStatuses
{
    /// <summary>The input file is being checked.</summary>
    public const string Validating = "validating";

    /// <summary>The input file failed validation; nothing ran.</summary>
    public const string Failed = "failed";

    /// <summary>The lines are running.</summary>
    public const string InProgress = "in_progress";

    /// <summary>The results are being written.</summary>
    public const string Finalizing = "finalizing";

    /// <summary>Every line ran; results are in the output and error files.</summary>
    public const string Completed = "completed";

    /// <summary>The window passed; the lines that ran are in the files, the rest never ran.</summary>
    public const string Expired = "expired";

    /// <summary>A cancel was asked for; lines still running finish.</summary>
    public const string Cancelling = "cancelling";

    /// <summary>Cancelled; the lines that ran are in the files, the rest never ran.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Gets every status the service reports.</summary>
    public static IReadOnlyList<string> All { get; } = [Validating, Failed, InProgress, Finalizing, Completed, Expired, Cancelling, Cancelled];

    /// <summary>Returns whether the batch will change no more.</summary>
    public static bool IsTerminal(string status) => status is Completed or Failed or Expired or Cancelled;

    /// <summary>Returns whether the batch's output and error files are to be downloaded (it ended and lines ran).</summary>
    public static bool HasResults(string status) => status is Completed or Expired or Cancelled;

    /// <summary>Returns whether lines absent from the files never ran (expired or cancelled before they did).</summary>
    public static bool MayMissLines(string status) => status is Expired or Cancelled;

    /// <summary>Returns whether the status is one the service reports (an unknown one is treated as still running).</summary>
    public static bool IsKnown(string status) => All.Contains(status, StringComparer.Ordinal);
}

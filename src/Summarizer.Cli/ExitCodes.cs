namespace Summarizer.Cli;

/// <summary>The process exit codes of every command.</summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>The command line or the configuration is wrong; nothing was done.</summary>
    public const int UsageError = 1;

    /// <summary>The command ran, but some articles were rejected or failed.</summary>
    public const int PartialFailure = 2;

    /// <summary>The job store or the output folder cannot be used: damaged, not writable, not a folder, or the disk is full.</summary>
    public const int StoreOrOutputUnusable = 3;

    /// <summary>The provider's Batch or Files API failed or could not be reached; every step before is recorded, so the job stays resumable.</summary>
    public const int BatchApiFailed = 4;

    /// <summary>An unexpected failure inside the tool (a bug): one line, and the stack trace with <c>--verbose</c>.</summary>
    public const int InternalError = 70;

    /// <summary>The user cancelled with Ctrl+C.</summary>
    public const int Cancelled = 130;
}

namespace Summarizer.Core.Jobs;

/// <summary>
/// Resume was asked for a job that already finished with every article done: there is nothing to continue, and doing
/// anything would only risk changing finished outputs. Not an error: the command reports it and succeeds.
/// </summary>
public sealed class JobAlreadyDoneException(string jobId, string directory)
    : Exception($"job {jobId} is already done; nothing to resume (outputs in {directory})")
{
    /// <summary>Gets the job.</summary>
    public string JobId { get; } = jobId;

    /// <summary>Gets the job's folder.</summary>
    public string Directory { get; } = directory;
}

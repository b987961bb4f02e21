namespace Summarizer.Core.Jobs;

/// <summary>A job is in the store but its folder is gone (deleted, or the output folder moved without --out).</summary>
public sealed class JobFolderMissingException(string jobId, string directory)
    : Exception($"job folder {directory} is missing (the job {jobId} is still in the store; use 'summarizer rerun {jobId}' to rebuild it, or 'summarizer jobs prune' to forget it)")
{
    /// <summary>Throws when a job's folder does not exist; returns the folder otherwise.</summary>
    /// <exception cref="JobFolderMissingException">The folder is gone.</exception>
    public static string ThrowIfMissing(Store.StoredJob job) =>
        System.IO.Directory.Exists(job.Directory) ? job.Directory : throw new JobFolderMissingException(job.JobId, job.Directory);
}

namespace Summarizer.Core.Jobs;

/// <summary>
/// Resume was given settings that would change what the job is (prompt versions, chunk budget, engine, model, filter
/// policy). A resumed job must end as the job that was started, so those settings belong to a re-run, a new job.
/// </summary>
public sealed class JobChangeRefusedException(string jobId, IReadOnlyList<string> options)
    : Exception(
        $"resume cannot change {string.Join(", ", options)} (job {jobId}): a resumed job keeps the settings it was started with. " +
        $"Use 'summarizer rerun {jobId} {string.Join(" ", options.Select(o => o + " …"))}' for a new job with new settings")
{
    /// <summary>Gets the options that were refused.</summary>
    public IReadOnlyList<string> Options { get; } = options;
}

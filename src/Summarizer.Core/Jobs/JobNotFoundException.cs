namespace Summarizer.Core.Jobs;

/// <summary>A job id names no job in the store of the output folder given.</summary>
public sealed class JobNotFoundException(string jobId, string database)
    : Exception($"no job {jobId} in {database} (use --out to name the output folder it was written to)");

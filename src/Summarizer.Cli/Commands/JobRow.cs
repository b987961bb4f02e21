using Summarizer.Core.Jobs;
using Summarizer.Core.Store;

namespace Summarizer.Cli.Commands;

/// <summary>A job with what <c>jobs list</c> and <c>jobs show</c> print about it, read once from the store.</summary>
internal sealed record JobRow(StoredJob Job, StoredRequest Request, IReadOnlyList<StoredArticle> Articles)
{
    /// <summary>Gets the status, marked when the job's folder is gone (<c>jobs prune</c> forgets such jobs).</summary>
    public string Status => Directory.Exists(Job.Directory) ? Job.Status : Job.Status + " (folder missing)";

    /// <summary>Gets the engine and model the job ran on, as far as the store recorded them.</summary>
    public string Engine
    {
        get
        {
            var kind = Request.EngineKind ?? Request.Engine.Kind ?? "?";
            var model = Request.Engine.Model ?? Request.Model;
            return string.IsNullOrEmpty(model) ? kind : $"{kind} {model}";
        }
    }

    /// <summary>Reads a job's request and articles.</summary>
    public static JobRow From(JobStore store, StoredJob job) => new(job, StoredRequest.FromJson(job.Request), store.Articles(job.JobId));
}

using Summarizer.Core.Files;
using Summarizer.Core.Outputs;
using Summarizer.Core.Store;

namespace Summarizer.Core.Exchange;

/// <summary>
/// Export of a job for review in a CAT tool, import of the reviewed file as review records of that job, and the
/// translation memory's TMX import and export. Every file is written atomically; an import records all of its changes
/// or none.
/// </summary>
/// <param name="reviews">The review store of the job's output folder.</param>
public sealed class ReviewExchange(ReviewStore reviews)
{
    /// <summary>Writes a job (or one article) as XLIFF 1.2, XLIFF 2.1 or TMX; returns the file and the units written.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="jobDirectory">Its folder.</param>
    /// <param name="format">One of <see cref="ExchangeFormats"/>.</param>
    /// <param name="article">One article only, or null for all.</param>
    /// <param name="file">The file to write, or null for <c>review/&lt;job-id&gt;.xlf|.tmx</c> in the job folder.</param>
    /// <param name="all">For TMX: every translated sentence, not only approved ones.</param>
    public (string File, int Units) Export(string jobId, string jobDirectory, string format, string? article, string? file, bool all)
    {
        format = ExchangeFormats.Require(format);
        var job = ReviewJobReader.Read(jobId, jobDirectory, reviews, article);
        if (!job.Segments.Any())
        {
            throw new ExchangeException($"job {jobId} has no translated sentences to export ({jobDirectory})");
        }

        var path = Path.GetFullPath(file ?? new JobFolder(jobDirectory).ReviewFile(jobId, format == ExchangeFormats.Tmx ? JobFolder.TmxExtension : JobFolder.XliffExtension));
        using var text = new Utf8StringWriter();
        int units;
        switch (format)
        {
            case ExchangeFormats.Tmx:
                var entries = TmEntries(job, all);
                TmxWriter.Write(entries, text);
                units = entries.Count;
                break;
            case ExchangeFormats.Xliff2:
                Xliff2Writer.Write(job, text);
                units = job.Segments.Count();
                break;
            default:
                Xliff12Writer.Write(job, text);
                units = job.Segments.Count();
                break;
        }

        AtomicFile.WriteAllText(path, text.ToString());
        return (path, units);
    }

    /// <summary>
    /// Imports a reviewed XLIFF file into a job: records every changed target and state as a review by
    /// <paramref name="reviewer"/>, and puts the approved segments into the translation memory. Nothing is recorded when
    /// the file is refused.
    /// </summary>
    public ReviewImport Import(string jobId, string jobDirectory, string file, string reviewer, DateTimeOffset now)
    {
        var units = XliffReader.Read(file);
        var job = ReviewJobReader.Read(jobId, jobDirectory, reviews);
        var import = ReviewImport.Plan(job, units, file, reviewer, now);
        reviews.Record(import.Edits);
        reviews.UpsertTm(import.Approved);
        return import;
    }

    /// <summary>Adds a TMX file's pairs to the translation memory; returns how many were added or updated and how many skipped.</summary>
    public (int Added, int Skipped) ImportTm(string file, string importer, DateTimeOffset now)
    {
        var entries = TmxReader.Read(file, importer, now, out var skipped);
        return (reviews.UpsertTm(entries), skipped);
    }

    /// <summary>Writes the whole translation memory as TMX; returns how many entries.</summary>
    public int ExportTm(string file)
    {
        var entries = reviews.TmEntries();
        using var text = new Utf8StringWriter();
        TmxWriter.Write(entries, text);
        AtomicFile.WriteAllText(Path.GetFullPath(file), text.ToString());
        return entries.Count;
    }

    private static List<TmEntry> TmEntries(ReviewJob job, bool all)
    {
        var prompts = job.Articles.ToDictionary(a => a.Id, a => a.PromptVersion, StringComparer.Ordinal);
        var time = DateTimeOffset.UtcNow;
        return job.Segments
            .Where(s => s.En is not null && (all ? s.State != ReviewStates.Rejected : s.State == ReviewStates.Approved))
            .Select(s => new TmEntry(s.Ar, s.En!, job.JobId, s.Article, s.Id, prompts[s.Article], ExchangeFormats.Tool, time))
            .ToList();
    }
}

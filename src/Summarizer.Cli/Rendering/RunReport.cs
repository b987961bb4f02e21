using Summarizer.Core.Jobs;

namespace Summarizer.Cli.Rendering;

/// <summary>The one JSON object <c>run --json</c> prints.</summary>
public sealed record RunReport(string JobId, string JobDir, string Engine, string Status, IReadOnlyList<RunReportArticle> Articles, RunReportUsage Usage)
{
    /// <summary>Gets the QA counts of the job (null when no article was written).</summary>
    public RunReportQa? Qa { get; init; }

    /// <summary>Builds the report of a job.</summary>
    public static RunReport From(JobResult result) => new(
        result.JobId,
        result.JobDirectory,
        result.Engine.Kind,
        result.Status,
        result.Articles.Select(a => new RunReportArticle(a.Id, a.Status, a.Reason)).ToList(),
        new RunReportUsage(
            result.Usage.Sum(u => u.Calls),
            result.Usage.Sum(u => u.Reused),
            result.Usage.Sum(u => u.Repairs),
            result.Usage.Sum(u => u.InputTokens),
            result.Usage.Sum(u => u.OutputTokens),
            result.CostUsd,
            result.Usage.ToDictionary(u => u.Stage, u => new RunReportStage(u.Calls, u.Reused, u.Repairs, u.Failed, u.InputTokens, u.OutputTokens))))
    {
        Qa = result.Qa is { } qa ? new RunReportQa(qa.Errors, qa.Warnings, qa.Notes) : null,
    };
}

/// <summary>An article in a <see cref="RunReport"/>.</summary>
public sealed record RunReportArticle(string Id, string Status, string? Reason);

/// <summary>What a job spent.</summary>
public sealed record RunReportUsage(int Calls, int Reused, int Repairs, long InputTokens, long OutputTokens, decimal? CostUsd, IReadOnlyDictionary<string, RunReportStage> Stages);

/// <summary>What one stage spent.</summary>
public sealed record RunReportStage(int Calls, int Reused, int Repairs, int Failed, long InputTokens, long OutputTokens);

/// <summary>How many QA findings a job has, by severity.</summary>
public sealed record RunReportQa(int Errors, int Warnings, int Notes);

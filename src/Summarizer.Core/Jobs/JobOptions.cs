using System.ComponentModel.DataAnnotations;

namespace Summarizer.Core.Jobs;

/// <summary>Options of job runs.</summary>
public sealed class JobOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Summarizer:Jobs";

    /// <summary>Gets or sets the folder job folders are written to.</summary>
    /// <value>The default value is <c>outputs</c>.</value>
    [Required]
    public string OutputRoot { get; set; } = "outputs";

    /// <summary>Gets or sets how many model calls may run at once.</summary>
    /// <value>The default value is 4.</value>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 4;

    /// <summary>Gets or sets how many of each article's claims (most important first, as merge orders them) go to brief.</summary>
    /// <value>The default value is 8; a job of hundreds of articles must still fit one brief call's context.</value>
    [Range(1, 1000)]
    public int BriefClaimsPerArticle { get; set; } = 8;

    /// <summary>Gets or sets a value indicating whether exact translation-memory matches fill sentences without a model call.</summary>
    /// <value>The default value is <see langword="true"/>; <c>--no-tm</c> turns it off for one job.</value>
    public bool UseTm { get; set; } = true;

    /// <summary>Gets or sets how calls are sent: <c>realtime</c> (now, through the resilience pipeline) or <c>batch</c> (in provider batches, rounds of up to 24 h).</summary>
    /// <value>The default value is <c>realtime</c>.</value>
    [Required]
    [RegularExpression("^(realtime|batch)$", ErrorMessage = "Summarizer:Jobs:Mode must be realtime or batch")]
    public string Mode { get; set; } = JobModes.Realtime;
}

/// <summary>How a job's calls are sent.</summary>
public static class JobModes
{
    /// <summary>Each call is sent when it is ready, through the resilience pipeline.</summary>
    public const string Realtime = "realtime";

    /// <summary>Ready calls are collected into provider batches, round by round.</summary>
    public const string Batch = "batch";

    /// <summary>Gets both modes.</summary>
    public static IReadOnlyList<string> All { get; } = [Realtime, Batch];
}

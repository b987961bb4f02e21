using Summarizer.Core.Engines;

namespace Summarizer.Core.Jobs;

/// <summary>What to run: the articles and the settings a user may give on the command line.</summary>
/// <param name="Paths">Files and folders of articles.</param>
public sealed record JobRequest(IReadOnlyList<string> Paths)
{
    /// <summary>Gets the engine settings given on the command line.</summary>
    public EngineOverrides Engine { get; init; } = new();

    /// <summary>Gets prompt versions that replace the configured ones, by stage.</summary>
    public IReadOnlyDictionary<string, int> PromptVersions { get; init; } = new Dictionary<string, int>();

    /// <summary>Gets the output folder, or <see langword="null"/> for the configured one.</summary>
    public string? OutputRoot { get; init; }

    /// <summary>Gets the most calls at once, or <see langword="null"/> for the configured number.</summary>
    public int? Concurrency { get; init; }

    /// <summary>Gets the chunk budget, or <see langword="null"/> for the configured one.</summary>
    public int? ChunkTokens { get; init; }

    /// <summary>Gets what to do when the content filter stops a chunk, or <see langword="null"/> to mark it (or, on resume, as the job did).</summary>
    public FilterPolicy? OnFilter { get; init; }

    /// <summary>Gets why the engine kind is the one in <see cref="Engine"/> when it was not given now (resume, rerun).</summary>
    public string? EngineReason { get; init; }

    /// <summary>Gets the folder relative <see cref="Paths"/> are given in, or <see langword="null"/> for the current folder.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Gets a value indicating whether to call the model even when the cache holds a valid answer.</summary>
    public bool NoCache { get; init; }

    /// <summary>Gets how calls are sent (<see cref="JobModes"/>), or <see langword="null"/> for the configured mode (or, on resume, the job's).</summary>
    public string? Mode { get; init; }

    /// <summary>Gets a value indicating whether a batch job exits once a round is submitted instead of waiting for it.</summary>
    public bool NoWait { get; init; }

    /// <summary>Gets a value indicating whether to leave the translation memory unused (<c>--no-tm</c>).</summary>
    public bool NoTm { get; init; }

    /// <summary>Gets the reviewed job whose reviews this job applies (<c>summarizer apply</c>), or null.</summary>
    public string? AppliedFrom { get; init; }
}

namespace Summarizer.Core.Planning;

/// <summary>What to plan: the paths a user named and the settings that may override configuration.</summary>
/// <param name="Paths">Files and folders of articles.</param>
public sealed record PlanRequest(IReadOnlyList<string> Paths)
{
    /// <summary>Gets the chunk budget in source tokens, or <see langword="null"/> for the configured one.</summary>
    public int? ChunkTokens { get; init; }

    /// <summary>Gets the model to price, or <see langword="null"/> for the configured one.</summary>
    public string? Model { get; init; }

    /// <summary>Gets a value indicating whether the plan keeps each article's removed lines (with the rule that removed each) to list them.</summary>
    public bool KeepRemovedLines { get; init; }

    /// <summary>Gets a value indicating whether the job would run in provider batches (priced at the batch discount, in rounds).</summary>
    public bool Batch { get; init; }
}

using Summarizer.Core.EngineSetup;
using Summarizer.Core.Prompts;

namespace Summarizer.Core.Outputs;

/// <summary>What every output of a job records about how it was made.</summary>
public sealed record JobContext(
    string JobId,
    DateTimeOffset Created,
    ResolvedEngine Engine,
    IReadOnlyList<StagePrompt> Prompts,
    Glossary Glossary,
    int ChunkTokens,
    int ContextSentences,
    int Concurrency)
{
    /// <summary>Gets the job this one re-runs, if any.</summary>
    public string? Parent { get; init; }
}

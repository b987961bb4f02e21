using Summarizer.Core.Planning;
using Summarizer.Core.Prompts;
using Summarizer.Core.Store;
using Summarizer.Core.EngineSetup;

namespace Summarizer.Core.Jobs;

/// <summary>A job being resumed: who it is, where it lives, and the articles the store recorded for it.</summary>
internal sealed record ResumedJob(string JobId, DateTimeOffset Created, string Directory, IReadOnlyList<StoredArticle> Articles);

/// <summary>Everything one run of a job settled on before its first call.</summary>
internal sealed record JobRun(
    StoredJob Job,
    ResolvedEngine Engine,
    IReadOnlyDictionary<string, StagePrompt> Prompts,
    Glossary Glossary,
    int ChunkTokens,
    int Concurrency,
    JobInputs Inputs,
    PlannedArticles Plan)
{
    /// <summary>Gets the job being resumed, or <see langword="null"/> for a new one.</summary>
    public ResumedJob? Resumed { get; init; }

    /// <summary>Gets a value indicating whether this run continues an earlier one.</summary>
    public bool IsResumed => Resumed is not null;
}

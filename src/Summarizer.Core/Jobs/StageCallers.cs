using Summarizer.Core.Planning;
using Summarizer.Core.Stages;

namespace Summarizer.Core.Jobs;

/// <summary>The four stage callers of a job (which share its call scheduler).</summary>
public sealed record StageCallers(StageCaller Translate, StageCaller Summarize, StageCaller Merge, StageCaller Brief)
{
    /// <summary>Gets the callers in stage order.</summary>
    public IReadOnlyList<StageCaller> All => [Translate, Summarize, Merge, Brief];

    /// <summary>Gets the caller of a stage by name.</summary>
    public StageCaller For(string stage) => stage switch
    {
        StageNames.Translate => Translate,
        StageNames.Summarize => Summarize,
        StageNames.Merge => Merge,
        _ => Brief,
    };
}

using Summarizer.Core.Engines;

namespace Summarizer.Core.Stages;

/// <summary>Error codes of <see cref="EngineCallException"/> that the pipeline acts on.</summary>
public static class StageErrorCodes
{
    /// <summary>The answer hit max_tokens (finish_reason length): split the work and try again.</summary>
    public const string Length = EngineErrorCodes.Length;

    /// <summary>The input or the answer was filtered: mark it, or split it to isolate the sentence.</summary>
    public const string ContentFilter = EngineErrorCodes.ContentFilter;

    /// <summary>The model refused: record its words like a filtered item, or split it to isolate the sentence.</summary>
    public const string Refusal = EngineErrorCodes.Refusal;

    /// <summary>Gets a value indicating whether the code means the item is kept from this stage (filtered or refused).</summary>
    public static bool IsWithheld(string? code) => code is ContentFilter or Refusal;
}

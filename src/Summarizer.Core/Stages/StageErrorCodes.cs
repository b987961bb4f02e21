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

    /// <summary>A batch line failed twice: the item fails with the reason, the article and the job go on.</summary>
    public const string BatchLineFailed = EngineErrorCodes.BatchLineFailed;

    /// <summary>Gets a value indicating whether the code means the item is kept from this stage (filtered or refused).</summary>
    public static bool IsWithheld(string? code) => code is ContentFilter or Refusal;

    /// <summary>Gets a value indicating whether the code ends one item (withheld, cut off and unsplittable, or its batch line failed twice), not the article.</summary>
    public static bool EndsItem(string? code) => IsWithheld(code) || code is Length or BatchLineFailed;
}

namespace Summarizer.Core.Stages;

/// <summary>Error codes of <see cref="Engines.EngineCallException"/> that the pipeline acts on.</summary>
public static class StageErrorCodes
{
    /// <summary>The answer hit max_tokens (finish_reason length): split the work and try again.</summary>
    public const string Length = "length";

    /// <summary>The input or the answer was filtered: mark it, or split it to isolate the sentence.</summary>
    public const string ContentFilter = "content_filter";
}

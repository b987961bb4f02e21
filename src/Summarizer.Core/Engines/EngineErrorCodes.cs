namespace Summarizer.Core.Engines;

/// <summary>The codes an <see cref="EngineCallException"/> carries for answers that arrived but cannot be used as they are.</summary>
public static class EngineErrorCodes
{
    /// <summary>The answer hit its output limit (finish_reason length).</summary>
    public const string Length = "length";

    /// <summary>The input or the answer was filtered (a 400 content_filter, or finish_reason content_filter).</summary>
    public const string ContentFilter = "content_filter";

    /// <summary>The model declined to answer (a structured-outputs <c>refusal</c>); asking again the same way will not help.</summary>
    public const string Refusal = "refusal";

    /// <summary>A batch line failed (error file, 429/500, expired, cancelled) in two batches: the item fails, the job goes on.</summary>
    public const string BatchLineFailed = "batch_line_failed";
}

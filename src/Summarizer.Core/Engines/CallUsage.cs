namespace Summarizer.Core.Engines;

/// <summary>What one model call reported: tokens and why it stopped. Stored in the answer's metadata.</summary>
public sealed record CallUsage(int InputTokens, int OutputTokens, string FinishReason, string? Model)
{
    /// <summary>The metadata key under which engines store this record.</summary>
    public const string MetadataKey = "summarizer.usage";
}

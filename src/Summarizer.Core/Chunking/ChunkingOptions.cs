using System.ComponentModel.DataAnnotations;

namespace Summarizer.Core.Chunking;

/// <summary>Options for cutting articles into chunks that fit one model call.</summary>
public sealed class ChunkingOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Summarizer:Chunking";

    /// <summary>Gets or sets the most source tokens one chunk may hold (context sentences not counted).</summary>
    /// <value>The default value is 600.</value>
    [Range(16, 100_000)]
    public int MaxSourceTokens { get; set; } = 600;

    /// <summary>Gets or sets how many preceding sentences travel with a chunk as read-only context.</summary>
    /// <value>The default value is 2.</value>
    [Range(0, 20)]
    public int ContextSentences { get; set; } = 2;
}

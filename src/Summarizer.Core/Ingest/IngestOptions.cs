using System.ComponentModel.DataAnnotations;

namespace Summarizer.Core.Ingest;

/// <summary>
/// Options that decide which files become articles and how they are cleaned.
/// </summary>
public sealed class IngestOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Summarizer:Ingest";

    /// <summary>Gets or sets the largest file accepted, in bytes.</summary>
    /// <value>The default value is 2 MB (2,097,152 bytes).</value>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Gets or sets the smallest share of Arabic letters among all letters for a text to count as Arabic.</summary>
    /// <value>The default value is 0.5.</value>
    [Range(0.0, 1.0)]
    public double MinArabicLetterShare { get; set; } = 0.5;

    /// <summary>Gets or sets the longest line above the article text, in characters, that can be taken as the headline.</summary>
    /// <value>The default value is 150.</value>
    [Range(10, 1000)]
    public int MaxTitleLength { get; set; } = 150;
}

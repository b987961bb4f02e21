namespace Summarizer.Core.Prompts;

/// <summary>A glossary entry: an Arabic term, its required English rendering and other Arabic spellings.</summary>
public sealed class GlossaryTerm
{
    /// <summary>Gets or sets the Arabic term.</summary>
    public string Ar { get; set; } = string.Empty;

    /// <summary>Gets or sets the English rendering translations must use.</summary>
    public string En { get; set; } = string.Empty;

    /// <summary>Gets or sets the kind: person, organisation, operation or place.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Gets or sets a note for translators.</summary>
    public string Note { get; set; } = string.Empty;

    /// <summary>Gets or sets other Arabic spellings of the term.</summary>
    public List<string> Variants { get; set; } = [];
}

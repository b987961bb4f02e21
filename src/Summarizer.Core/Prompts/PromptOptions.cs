using System.ComponentModel.DataAnnotations;

namespace Summarizer.Core.Prompts;

/// <summary>Where prompt files live and which version each stage uses.</summary>
public sealed class PromptOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Summarizer:Prompts";

    /// <summary>Gets or sets the prompts folder; a relative path is looked up in the working folder, then beside the binary.</summary>
    /// <value>The default value is <c>prompts</c>.</value>
    [Required]
    public string Root { get; set; } = "prompts";

    /// <summary>Gets or sets the prompt version per stage (for example <c>translate</c> → 1).</summary>
    public Dictionary<string, int> Versions { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

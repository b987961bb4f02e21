namespace Summarizer.Core.Prompts;

/// <summary>
/// The first shape of <c>prompts/&lt;stage&gt;/v1.yaml</c> (a top-level version, flat settings), published before prompt files
/// became Semantic Kernel prompt YAML (<see cref="PromptYaml"/>). Still read, so jobs that used v1 re-run unchanged.
/// </summary>
public sealed class PromptFile
{
    /// <summary>Gets or sets the stage name; must match the folder.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the version; must match the file name.</summary>
    public int Version { get; set; }

    /// <summary>Gets or sets what the prompt is for.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Gets or sets the template format; only <c>semantic-kernel</c> is available in this registry.</summary>
    public string TemplateFormat { get; set; } = "semantic-kernel";

    /// <summary>Gets or sets the template text with <c>&lt;message role="…"&gt;</c> blocks.</summary>
    public string Template { get; set; } = string.Empty;

    /// <summary>Gets or sets the input variables.</summary>
    public List<PromptFileVariable> InputVariables { get; set; } = [];

    /// <summary>Gets or sets the execution settings.</summary>
    public PromptFileSettings ExecutionSettings { get; set; } = new();
}

/// <summary>An input variable of a prompt file.</summary>
public sealed class PromptFileVariable
{
    /// <summary>Gets or sets the variable name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets what the variable holds.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Gets or sets a value indicating whether the variable must be given.</summary>
    public bool IsRequired { get; set; } = true;
}

/// <summary>The execution settings of a prompt file.</summary>
public sealed class PromptFileSettings
{
    /// <summary>Gets or sets the sampling temperature.</summary>
    public double Temperature { get; set; }

    /// <summary>Gets or sets the most output tokens.</summary>
    public int MaxTokens { get; set; } = 4000;
}

using Microsoft.SemanticKernel;

namespace Summarizer.Core.Prompts;

/// <summary>A loaded, versioned prompt: the Semantic Kernel config made from the file, and how to identify it.</summary>
/// <param name="Stage">The stage the prompt serves.</param>
/// <param name="Version">The prompt version (from the file name).</param>
/// <param name="Path">The prompt file.</param>
/// <param name="Sha256">The SHA-256 of the file bytes, lower-case hex.</param>
/// <param name="Config">The Semantic Kernel prompt config, execution settings keyed by service id.</param>
public sealed record StagePrompt(string Stage, int Version, string Path, string Sha256, PromptTemplateConfig Config)
{
    /// <summary>Gets the version as written in options and manifests: <c>v1</c>.</summary>
    public string VersionLabel => "v" + Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Gets the settings for chat models (the file's <c>default</c> entry).</summary>
    public PromptSettings Settings => For(PromptSettings.DefaultServiceId);

    /// <summary>Gets the settings for a model family: the <c>default</c> entry overlaid with the family's own, if any.</summary>
    public PromptSettings For(string family) => PromptSettings.From(Config.ExecutionSettings, family, Path);
}

using Microsoft.SemanticKernel;

namespace Summarizer.Core.Prompts;

/// <summary>A loaded, versioned prompt: the Semantic Kernel config made from the file, and how to identify it.</summary>
/// <param name="Stage">The stage the prompt serves.</param>
/// <param name="Version">The prompt version.</param>
/// <param name="Path">The prompt file.</param>
/// <param name="Sha256">The SHA-256 of the file bytes, lower-case hex.</param>
/// <param name="Config">The Semantic Kernel prompt config.</param>
/// <param name="Settings">The execution settings from the file.</param>
public sealed record StagePrompt(string Stage, int Version, string Path, string Sha256, PromptTemplateConfig Config, PromptFileSettings Settings)
{
    /// <summary>Gets the version as written in options and manifests: <c>v1</c>.</summary>
    public string VersionLabel => "v" + Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

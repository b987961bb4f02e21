namespace Summarizer.Core.Engines;

/// <summary>What a job sends every call besides the prompt: the model family's parameters, the seed, the response format.</summary>
/// <param name="Family">The model family (<see cref="ModelFamilies"/>).</param>
/// <param name="FamilyReason">Why this family: configured, inferred from a name, or the default.</param>
/// <param name="ReasoningEffort">The reasoning effort configured for reasoning models, or null to use the prompt file's.</param>
/// <param name="Seed">The seed sent with every call, or null for none.</param>
/// <param name="ResponseFormat">json_schema (strict), json_object or none.</param>
public sealed record ModelProfile(string Family, string FamilyReason, string? ReasoningEffort, long? Seed, string ResponseFormat)
{
    /// <summary>Gets the profile of a chat model with nothing extra configured.</summary>
    public static ModelProfile Default { get; } = new(ModelFamilies.Chat, "default", null, null, "json_schema");

    /// <summary>Gets a value indicating whether calls go to a reasoning model.</summary>
    public bool IsReasoning => Family == ModelFamilies.Reasoning;

    /// <summary>Returns the reasoning effort to send with a prompt's settings: the engine's, else the prompt file's; none for chat models.</summary>
    public string? EffortFor(Prompts.PromptSettings settings) => IsReasoning ? ReasoningEffort ?? settings.ReasoningEffort : null;
}

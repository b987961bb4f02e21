using Microsoft.SemanticKernel.ChatCompletion;

using Summarizer.Core.Engines;

namespace Summarizer.Core.EngineSetup;

/// <summary>The engine a job runs on, why it was chosen, and the service that answers. Holds no secret.</summary>
/// <param name="Kind">azure, openai or reference.</param>
/// <param name="Reason">Why this engine: the option, configuration or environment that chose it.</param>
/// <param name="Endpoint">The endpoint, or empty for reference.</param>
/// <param name="Model">The model or deployment answers are attributed to.</param>
/// <param name="Options">The effective engine options (the API key blanked).</param>
/// <param name="Credential">Where the credential came from, never the credential itself.</param>
/// <param name="Service">The Semantic Kernel chat completion service.</param>
public sealed record ResolvedEngine(
    string Kind,
    string Reason,
    string Endpoint,
    string Model,
    EngineOptions Options,
    string Credential,
    IChatCompletionService Service)
{
    /// <summary>Gets what the resilience pipeline did (retries, throttling, timeouts), or null for the reference engine.</summary>
    public Resilience.ResilienceStats? Resilience { get; init; }

    /// <summary>Gets the deployments calls are spread over (one unless a pool is configured); empty for reference.</summary>
    public IReadOnlyList<Resilience.Deployment> Pool { get; init; } = [];

    /// <summary>Gets what every call sends besides the prompt: model family, seed, reasoning effort, response format.</summary>
    public ModelProfile Profile { get; init; } = ModelProfile.Default;

    /// <summary>Gets a value indicating whether answers come from prepared reference data, not a model.</summary>
    public bool IsReference => Kind == EngineKinds.Reference;
}

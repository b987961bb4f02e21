namespace Summarizer.Core.Telemetry;

/// <summary>What a stage call's span says about the request before it is sent.</summary>
/// <param name="Stage">The stage (<c>translate</c>, <c>summarize</c>, <c>merge</c>, <c>brief</c>).</param>
/// <param name="Provider">The <c>gen_ai.provider.name</c>: <c>openai</c>, <c>azure.ai.openai</c>, or the engine kind.</param>
/// <param name="Model">The model asked for (the deployment's model for Azure).</param>
/// <param name="PromptVersion">The prompt version the stage uses.</param>
/// <param name="Temperature">The temperature sent, or null when none is (reasoning models).</param>
public sealed record StageCallFacts(string Stage, string Provider, string Model, int PromptVersion, double? Temperature)
{
    /// <summary>The <c>gen_ai.provider.name</c> of an engine kind, as the conventions spell the well-known ones.</summary>
    public static string ProviderOf(string engineKind) => engineKind switch
    {
        "azure" => "azure.ai.openai",
        "openai" => "openai",
        "" => "unknown",
        _ => "summarizer." + engineKind,
    };
}

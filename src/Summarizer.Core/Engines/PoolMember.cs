namespace Summarizer.Core.Engines;

/// <summary>One deployment of a pool (<c>Summarizer:Engine:Pool</c>), e.g. the same model in two Azure regions.</summary>
public sealed class PoolMember
{
    /// <summary>Gets or sets a short name for reports (default: the deployment or model).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the endpoint (Azure resource URL, or an OpenAI-compatible base URL).</summary>
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>Gets or sets the Azure deployment name.</summary>
    public string Deployment { get; set; } = string.Empty;

    /// <summary>Gets or sets the model (openai engine).</summary>
    public string Model { get; set; } = string.Empty;

    /// <summary>Gets or sets the environment variable holding this member's key (default: the engine's usual one).</summary>
    public string ApiKeyVariable { get; set; } = string.Empty;

    /// <summary>Gets or sets this deployment's tokens-per-minute quota; 0 uses Summarizer:Resilience:TokensPerMinute.</summary>
    public long TokensPerMinute { get; set; }

    /// <summary>Gets or sets this deployment's requests-per-minute quota; 0 uses Summarizer:Resilience:RequestsPerMinute.</summary>
    public long RequestsPerMinute { get; set; }
}

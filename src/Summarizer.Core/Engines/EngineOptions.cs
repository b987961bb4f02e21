using System.ComponentModel.DataAnnotations;

namespace Summarizer.Core.Engines;

/// <summary>Which model answers and how to reach it. Secrets are not read from here unless set by user-secrets.</summary>
public sealed class EngineOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Summarizer:Engine";

    /// <summary>Gets or sets the engine: <c>azure</c>, <c>openai</c> or <c>reference</c>; empty chooses automatically.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Gets or sets the endpoint: the Azure OpenAI resource URL, or an OpenAI-compatible base URL (with <c>/v1</c>).</summary>
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>Gets or sets the model name for <c>openai</c> (and the model reported for <c>azure</c> when known).</summary>
    public string Model { get; set; } = string.Empty;

    /// <summary>Gets or sets the Azure OpenAI deployment name.</summary>
    public string Deployment { get; set; } = string.Empty;

    /// <summary>Gets or sets the Azure OpenAI API version.</summary>
    /// <value>The default value is <c>2024-10-21</c>.</value>
    public string ApiVersion { get; set; } = "2024-10-21";

    /// <summary>Gets or sets the API key; prefer the environment (<c>AZURE_OPENAI_API_KEY</c>, <c>OPENAI_API_KEY</c>) or user-secrets.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Gets or sets how answers are constrained: <c>json_schema</c> (strict), <c>json_object</c> or <c>none</c>.</summary>
    /// <value>The default value is <c>json_schema</c>.</value>
    [RegularExpression("^(json_schema|json_object|none)$")]
    public string ResponseFormat { get; set; } = "json_schema";

    /// <summary>Gets or sets the network timeout of one HTTP attempt, in seconds.</summary>
    /// <value>The default value is 120.</value>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>Gets or sets the folder of the offline reference engine's data.</summary>
    /// <value>The default value is <c>samples/reference</c>.</value>
    public string ReferenceData { get; set; } = "samples/reference";

    /// <summary>Gets or sets a pool of deployments to spread calls over and fail over between; empty means the single one above.</summary>
    public List<PoolMember> Pool { get; set; } = [];

    /// <summary>Returns a copy; command-line options are applied to copies, never to the bound instance.</summary>
    public EngineOptions Clone() => (EngineOptions)MemberwiseClone();
}

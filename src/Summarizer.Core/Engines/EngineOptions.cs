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

    /// <summary>Gets or sets the Azure OpenAI api-version, sent as written (any version the service knows, SDK enum or not).</summary>
    /// <value>The default value is empty: the connector's own (<c>2025-04-01-preview</c> with Azure.AI.OpenAI 2.9.0-beta.1).</value>
    public string ApiVersion { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets which Azure OpenAI surface to call: <c>deployments</c> (<c>/openai/deployments/{d}/chat/completions?api-version=…</c>)
    /// or <c>v1</c> (<c>/openai/v1/chat/completions</c>, no api-version, the deployment named as the model).
    /// </summary>
    /// <value>The default value is <c>deployments</c>.</value>
    [RegularExpression("^(deployments|v1)$")]
    public string AzureApi { get; set; } = "deployments";

    /// <summary>
    /// Gets or sets the model family: <c>chat</c> (temperature, max_tokens) or <c>reasoning</c> (o-series, gpt-5 family:
    /// max_completion_tokens, no temperature or top_p). Empty infers it from the model and deployment names.
    /// </summary>
    public string ModelFamily { get; set; } = string.Empty;

    /// <summary>Gets or sets the reasoning effort for reasoning models (<c>low</c>, <c>medium</c>, <c>high</c>); empty uses the prompt file's, else the model's default.</summary>
    [RegularExpression("^(|minimal|low|medium|high)$")]
    public string ReasoningEffort { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets a value indicating whether run, resume and rerun send one small request to each deployment before
    /// creating the job, so a wrong endpoint, key or deployment fails at once (the request costs a handful of tokens).
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Probe { get; set; } = true;

    /// <summary>Gets or sets a seed sent with every call (and recorded in provenance), or null to send none.</summary>
    public long? Seed { get; set; }

    /// <summary>
    /// Gets or sets how azure signs in: <c>key</c> (an API key, required) or <c>entra</c> (Entra ID through
    /// DefaultAzureCredential). Entra ID is used only when asked, so a missing key is an error, not a credential probe.
    /// </summary>
    /// <value>The default value is <c>key</c>.</value>
    [RegularExpression("^(key|entra)$")]
    public string Auth { get; set; } = "key";

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

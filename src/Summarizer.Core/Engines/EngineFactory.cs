using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OpenAI;
using Summarizer.Core.Chunking;
using Summarizer.Core.Resilience;

namespace Summarizer.Core.Engines;

/// <summary>
/// Chooses the engine (option, else configuration, else azure when <c>AZURE_OPENAI_ENDPOINT</c> is set, else reference)
/// and builds its <see cref="Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService"/>.
/// The SDK pipelines get no retries of their own: resilience is owned in one place, never stacked.
/// </summary>
public sealed class EngineFactory(
    IOptions<EngineOptions> options,
    IOptions<ResilienceOptions> resilience,
    IConfiguration configuration,
    ReferenceDataStore references,
    ITokenCounter tokens,
    TimeProvider time)
{
    /// <summary>The environment variable that names an Azure OpenAI endpoint.</summary>
    public const string AzureEndpointVariable = "AZURE_OPENAI_ENDPOINT";

    /// <summary>The environment variable holding an Azure OpenAI key.</summary>
    public const string AzureKeyVariable = "AZURE_OPENAI_API_KEY";

    /// <summary>The environment variable holding an OpenAI (or compatible server) key.</summary>
    public const string OpenAIKeyVariable = "OPENAI_API_KEY";

    /// <summary>Chooses and builds the engine.</summary>
    /// <exception cref="EngineConfigurationException">The chosen engine lacks a setting it needs.</exception>
    public ResolvedEngine Create(EngineOverrides overrides)
    {
        var effective = options.Value.Clone();
        effective.Endpoint = overrides.Endpoint ?? effective.Endpoint;
        effective.Model = overrides.Model ?? effective.Model;
        effective.Deployment = overrides.Deployment ?? effective.Deployment;
        var (kind, reason) = Choose(overrides.Kind, effective);
        effective.Kind = kind;
        return kind switch
        {
            EngineKinds.Azure => Resilient(CreateAzure(effective, reason), overrides.Concurrency),
            EngineKinds.OpenAI => Resilient(CreateOpenAI(effective, reason), overrides.Concurrency),
            EngineKinds.Reference => new ResolvedEngine(kind, reason, string.Empty, "reference-data", Blank(effective), "none", new ReferenceChatCompletionService(references)),
            _ => throw new EngineConfigurationException($"unknown engine '{kind}' (engines: {string.Join(", ", EngineKinds.All)})"),
        };
    }

    /// <summary>Wraps a model engine in the resilience pipeline with its own quota, concurrency and statistics.</summary>
    private ResolvedEngine Resilient(ResolvedEngine engine, int? concurrency)
    {
        var settings = resilience.Value;
        var stats = new ResilienceStats();
        var gate = new AdaptiveConcurrency(concurrency ?? 64);
        var pipeline = ModelCallPipeline.Build(settings, stats, gate, time);
        var quota = new QuotaLimiter(settings.TokensPerMinute, settings.RequestsPerMinute, settings.QuotaTarget);
        return engine with { Service = new ResilientChatCompletionService(engine.Service, pipeline, quota, gate, tokens, stats), Resilience = stats };
    }

    private (string Kind, string Reason) Choose(string? option, EngineOptions effective)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return (option.Trim().ToLowerInvariant(), "--engine option");
        }

        if (!string.IsNullOrWhiteSpace(effective.Kind))
        {
            return (effective.Kind.Trim().ToLowerInvariant(), $"{EngineOptions.SectionName}:Kind in configuration");
        }

        if (!string.IsNullOrWhiteSpace(configuration[AzureEndpointVariable]))
        {
            return (EngineKinds.Azure, $"{AzureEndpointVariable} is set");
        }

        return (EngineKinds.Reference, "no engine configured and no AZURE_OPENAI_ENDPOINT: offline reference data");
    }

    private ResolvedEngine CreateAzure(EngineOptions effective, string reason)
    {
        var endpoint = First(effective.Endpoint, configuration[AzureEndpointVariable])
            ?? throw new EngineConfigurationException($"azure needs an endpoint: --endpoint, {EngineOptions.SectionName}:Endpoint or {AzureEndpointVariable}");
        if (string.IsNullOrWhiteSpace(effective.Deployment))
        {
            throw new EngineConfigurationException($"azure needs a deployment: --deployment or {EngineOptions.SectionName}:Deployment");
        }

        var clientOptions = new AzureOpenAIClientOptions(ParseApiVersion(effective.ApiVersion))
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = NetworkTimeout(effective),
        };
        var uri = ParseEndpoint(endpoint);
        var key = First(configuration[AzureKeyVariable], effective.ApiKey);
        var (client, credential) = key is not null
            ? (new AzureOpenAIClient(uri, new ApiKeyCredential(key), clientOptions), key == configuration[AzureKeyVariable] ? AzureKeyVariable : "configuration or user-secrets")
            : (new AzureOpenAIClient(uri, new DefaultAzureCredential(), clientOptions), "Entra ID (DefaultAzureCredential)");
        var model = string.IsNullOrWhiteSpace(effective.Model) ? effective.Deployment : $"{effective.Deployment} ({effective.Model})";
        effective.Endpoint = uri.ToString();
        return new ResolvedEngine(
            EngineKinds.Azure, reason, uri.ToString(), model, Blank(effective), credential,
            new ChatClientCompletionService(client.GetChatClient(effective.Deployment), effective.Deployment));
    }

    private ResolvedEngine CreateOpenAI(EngineOptions effective, string reason)
    {
        if (string.IsNullOrWhiteSpace(effective.Model))
        {
            throw new EngineConfigurationException($"openai needs a model: --model or {EngineOptions.SectionName}:Model");
        }

        var clientOptions = new OpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = NetworkTimeout(effective),
        };
        if (!string.IsNullOrWhiteSpace(effective.Endpoint))
        {
            clientOptions.Endpoint = ParseEndpoint(effective.Endpoint);
        }

        // Local servers (Ollama, llama.cpp, vLLM) take no key; the client still needs a non-empty one.
        var key = First(configuration[OpenAIKeyVariable], effective.ApiKey);
        var credential = key is null ? "none (local server)" : key == configuration[OpenAIKeyVariable] ? OpenAIKeyVariable : "configuration or user-secrets";
        var client = new OpenAIClient(new ApiKeyCredential(key ?? "no-key"), clientOptions);
        var endpoint = clientOptions.Endpoint?.ToString() ?? "https://api.openai.com/v1";
        effective.Endpoint = endpoint;
        return new ResolvedEngine(
            EngineKinds.OpenAI, reason, endpoint, effective.Model, Blank(effective), credential,
            new ChatClientCompletionService(client.GetChatClient(effective.Model), effective.Model));
    }

    private static AzureOpenAIClientOptions.ServiceVersion ParseApiVersion(string apiVersion)
    {
        var name = "V" + apiVersion.Replace("-preview", "_Preview", StringComparison.OrdinalIgnoreCase).Replace('-', '_');
        return Enum.TryParse<AzureOpenAIClientOptions.ServiceVersion>(name, ignoreCase: true, out var version)
            ? version
            : throw new EngineConfigurationException(
                $"API version '{apiVersion}' is not known to Azure.AI.OpenAI 2.1.0 (known: {string.Join(", ", Enum.GetNames<AzureOpenAIClientOptions.ServiceVersion>())})");
    }

    private static Uri ParseEndpoint(string endpoint) =>
        Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new EngineConfigurationException($"endpoint '{endpoint}' is not an http(s) URL");

    /// <summary>The pipeline's attempt timeout governs; the SDK's own timeout only backs it up.</summary>
    private TimeSpan NetworkTimeout(EngineOptions effective) =>
        TimeSpan.FromSeconds(Math.Max(effective.TimeoutSeconds, resilience.Value.AttemptTimeoutSeconds + 5));

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static EngineOptions Blank(EngineOptions effective)
    {
        var copy = effective.Clone();
        copy.ApiKey = string.Empty;
        return copy;
    }
}

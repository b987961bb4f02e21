using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;
using Summarizer.Core.Batch;
using Summarizer.Core.Resilience;

using Summarizer.Core.Engines;
using Summarizer.Core.Tokens;

namespace Summarizer.Core.EngineSetup;

/// <summary>
/// Chooses the engine (option, else configuration, else azure when <c>AZURE_OPENAI_ENDPOINT</c> is set, else reference)
/// and builds its <see cref="IChatCompletionService"/>: for azure and openai, one or more deployments behind the
/// resilience pipeline. The SDK pipelines get no retries of their own: resilience is owned in one place, never stacked.
/// </summary>
public sealed class EngineFactory(
    IOptions<EngineOptions> options,
    IOptions<ResilienceOptions> resilience,
    IConfiguration configuration,
    ReferenceDataStore references,
    ITokenCounter tokens,
    SecretRedactor redactor,
    TimeProvider time)
{
    /// <summary>The environment variable that names an Azure OpenAI endpoint.</summary>
    public const string AzureEndpointVariable = EngineVariables.AzureEndpoint;

    /// <summary>The environment variable holding an Azure OpenAI key.</summary>
    public const string AzureKeyVariable = EngineVariables.AzureKey;

    /// <summary>The Entra ID scope of Azure OpenAI.</summary>
    private const string CognitiveServicesScope = "https://cognitiveservices.azure.com/.default";

    /// <summary>The environment variable holding an OpenAI (or compatible server) key.</summary>
    public const string OpenAIKeyVariable = EngineVariables.OpenAIKey;

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
        if (kind == EngineKinds.Reference)
        {
            return new ResolvedEngine(kind, reason, string.Empty, "reference-data", Blank(effective), "none", new ReferenceChatCompletionService(references))
            {
                Profile = ModelProfile.Default with { ResponseFormat = effective.ResponseFormat },
            };
        }

        if (kind is not (EngineKinds.Azure or EngineKinds.OpenAI))
        {
            throw new EngineConfigurationException($"unknown engine '{kind}' (engines: {string.Join(", ", EngineKinds.All)})");
        }

        // Command-line endpoint, model or deployment name one deployment; the configured pool applies otherwise.
        var members = effective.Pool.Count > 0 && overrides.Endpoint is null && overrides.Deployment is null && overrides.Model is null
            ? effective.Pool
            : [new PoolMember { Endpoint = effective.Endpoint, Deployment = effective.Deployment, Model = effective.Model }];
        var settings = resilience.Value;
        var quotas = members.Select(m => new QuotaLimiter(Quota(m.TokensPerMinute, settings.TokensPerMinute), Quota(m.RequestsPerMinute, settings.RequestsPerMinute), settings.QuotaTarget, time)).ToList();
        var built = members.Select((m, i) => kind == EngineKinds.Azure ? Azure(m, effective, quotas[i]) : OpenAI(m, effective, quotas[i])).ToList();
        var deployments = built.Select((b, i) => new Deployment(b.Name, b.Service, quotas[i], new AdaptiveConcurrency(overrides.Concurrency ?? 64))).ToList();
        var stats = new ResilienceStats();
        var service = new ResilientChatCompletionService(deployments, ModelCallPipeline.Build(settings, stats, time), tokens, stats, time);
        effective.Endpoint = string.Join(", ", built.Select(b => b.Endpoint).Distinct());
        var model = string.Join(", ", built.Select(b => b.Model));
        var credential = string.Join(", ", built.Select(b => b.Credential).Distinct());
        var (family, familyReason) = ModelFamilies.Resolve(effective.ModelFamily, members.SelectMany(m => new[] { m.Model, m.Deployment }).Append(effective.Model).ToArray());
        var profile = new ModelProfile(family, familyReason, First(effective.ReasoningEffort), effective.Seed, effective.ResponseFormat);
        return new ResolvedEngine(kind, reason, effective.Endpoint, model, Blank(effective), credential, service) { Resilience = stats, Pool = service.Deployments, Profile = profile };
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

    /// <summary>
    /// Builds the Batch API of the configured azure or openai engine: the same endpoint, key and api-version as its chat
    /// calls, the SDK's files and batch clients, and the deployment or model batch lines name
    /// (<see cref="BatchOptions.Deployment"/> when set: Azure Global Batch deployments answer only batch requests).
    /// Batch calls go to the first deployment of a pool and count against no per-minute quota.
    /// </summary>
    /// <exception cref="EngineConfigurationException">The engine is not azure or openai, or lacks a setting it needs.</exception>
    public BatchApi CreateBatchApi(EngineOverrides overrides, BatchOptions batch)
    {
        var effective = options.Value.Clone();
        effective.Endpoint = overrides.Endpoint ?? effective.Endpoint;
        effective.Model = overrides.Model ?? effective.Model;
        effective.Deployment = overrides.Deployment ?? effective.Deployment;
        var (kind, _) = Choose(overrides.Kind, effective);
        if (kind is not (EngineKinds.Azure or EngineKinds.OpenAI))
        {
            throw new EngineConfigurationException($"batch mode needs the azure or openai engine; '{kind}' has no Batch API");
        }

        var first = effective.Pool.Count > 0 && overrides.Endpoint is null && overrides.Deployment is null && overrides.Model is null ? effective.Pool[0] : null;
        var deployment = First(batch.Deployment, first?.Deployment, effective.Deployment) ?? string.Empty;
        var member = new PoolMember
        {
            Name = first?.Name ?? string.Empty,
            Endpoint = first?.Endpoint ?? effective.Endpoint,
            Deployment = deployment,
            Model = First(kind == EngineKinds.OpenAI ? batch.Deployment : null, first?.Model, effective.Model) ?? string.Empty,
            ApiKeyVariable = first?.ApiKeyVariable ?? string.Empty,
        };
        var transport = new HttpClientPipelineTransport(new HttpClient { Timeout = Timeout.InfiniteTimeSpan });
#pragma warning disable OPENAI001 // The batch client is experimental in the served SDK, and the only official way to the Batch API.
        if (kind == EngineKinds.OpenAI)
        {
            var openai = ConnectOpenAI(member, effective, transport);
            return new BatchApi(openai.Client.GetOpenAIFileClient(), openai.Client.GetBatchClient(), BatchApi.V1Url, openai.Model, azure: false);
        }

        var azure = ConnectAzure(member, effective, transport);
        return azure.V1 is { } v1
            ? new BatchApi(v1.GetOpenAIFileClient(), v1.GetBatchClient(), BatchApi.V1Url, member.Deployment, azure: true)
            : new BatchApi(
                azure.Deployments!.GetOpenAIFileClient(), azure.Deployments.GetBatchClient(), BatchApi.AzureDeploymentsUrl, member.Deployment, azure: true,
                new Uri(new Uri(azure.Url), $"openai/files?api-version={Uri.EscapeDataString(First(effective.ApiVersion)?.Trim() ?? ApiVersionPolicy.SdkDefault)}&purpose=batch"));
#pragma warning restore OPENAI001
    }

    private BuiltDeployment Azure(PoolMember member, EngineOptions effective, QuotaLimiter quota)
    {
        var azure = ConnectAzure(member, effective, RateLimitHeadersHandler.Transport(quota));
        var label = string.IsNullOrWhiteSpace(effective.Model) ? member.Deployment : $"{member.Deployment} ({effective.Model})";
        IChatCompletionService connector = azure.V1 is { } v1
            ? new OpenAIChatCompletionService(member.Deployment, v1)
            : new AzureOpenAIChatCompletionService(member.Deployment, azure.Deployments!, First(effective.Model) ?? member.Deployment);
        return new BuiltDeployment(azure.Name, azure.Url, label, azure.Credential, new ConnectorChatCompletionService(connector, label, azureDeployments: azure.V1 is null, redactor, time));
    }

    /// <summary>The Azure client of one deployment: the deployments surface (api-version) or the v1 surface (the OpenAI client).</summary>
    private AzureConnection ConnectAzure(PoolMember member, EngineOptions effective, PipelineTransport transport)
    {
        var endpoint = First(member.Endpoint, configuration[AzureEndpointVariable])
            ?? throw new EngineConfigurationException($"azure needs an endpoint: --endpoint, {EngineOptions.SectionName}:Endpoint or {AzureEndpointVariable}");
        if (string.IsNullOrWhiteSpace(member.Deployment))
        {
            throw new EngineConfigurationException($"azure needs a deployment: --deployment or {EngineOptions.SectionName}:Deployment");
        }

        var uri = ParseEndpoint(endpoint);
        var name = First(member.Name) ?? $"{uri.Host}/{member.Deployment}";
        var variable = First(member.ApiKeyVariable) ?? AzureKeyVariable;
        var entra = string.Equals(effective.Auth, "entra", StringComparison.OrdinalIgnoreCase);
        var key = entra ? null : First(configuration[variable], effective.ApiKey)
            ?? throw new EngineConfigurationException(
                $"azure has no API key ({name}): set {variable} (or {EngineOptions.SectionName}:ApiKey with dotnet user-secrets), or set {EngineOptions.SectionName}:Auth=entra to sign in with Entra ID");
        var credential = key is null ? "Entra ID (DefaultAzureCredential)" : key == configuration[variable] ? variable : "configuration or user-secrets";
        if (effective.AzureApi == "v1")
        {
            // Azure's v1 surface speaks the OpenAI protocol: the OpenAI client, the deployment as the model, no api-version.
            var options = new OpenAIClientOptions
            {
                Endpoint = new Uri(uri, "openai/v1/"),
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = NetworkTimeout(effective),
                Transport = transport,
            };
#pragma warning disable OPENAI001 // Marked experimental, yet the only way to give the OpenAI client Azure's api-key header or an Entra ID token.
            var client = key is not null
                ? new OpenAIClient(ApiKeyAuthenticationPolicy.CreateHeaderApiKeyPolicy(new ApiKeyCredential(key), "api-key"), options)
                : new OpenAIClient(new BearerTokenPolicy(new DefaultAzureCredential(), CognitiveServicesScope), options);
#pragma warning restore OPENAI001
            return new AzureConnection(name, options.Endpoint.ToString(), credential, null, client);
        }

        var azureOptions = new AzureOpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = NetworkTimeout(effective),
            Transport = transport,
        };
        if (!string.IsNullOrWhiteSpace(effective.ApiVersion))
        {
            azureOptions.AddPolicy(new ApiVersionPolicy(effective.ApiVersion.Trim()), PipelinePosition.PerCall);
        }

        var azureClient = key is not null
            ? new AzureOpenAIClient(uri, new ApiKeyCredential(key), azureOptions)
            : new AzureOpenAIClient(uri, new DefaultAzureCredential(), azureOptions);
        return new AzureConnection(name, uri.ToString(), credential, azureClient, null);
    }

    private BuiltDeployment OpenAI(PoolMember member, EngineOptions effective, QuotaLimiter quota)
    {
        var openai = ConnectOpenAI(member, effective, RateLimitHeadersHandler.Transport(quota));
        return new BuiltDeployment(openai.Name, openai.Url, openai.Model, openai.Credential, new ConnectorChatCompletionService(new OpenAIChatCompletionService(openai.Model, openai.Client), openai.Model, azureDeployments: false, redactor, time));
    }

    /// <summary>The OpenAI client of one member: OpenAI or any compatible server.</summary>
    private OpenAIConnection ConnectOpenAI(PoolMember member, EngineOptions effective, PipelineTransport transport)
    {
        var model = First(member.Model, effective.Model)
            ?? throw new EngineConfigurationException($"openai needs a model: --model or {EngineOptions.SectionName}:Model");
        var clientOptions = new OpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = NetworkTimeout(effective),
            Transport = transport,
        };
        if (First(member.Endpoint) is { } endpoint)
        {
            clientOptions.Endpoint = ParseEndpoint(endpoint);
        }

        // Local servers (Ollama, llama.cpp, vLLM) take no key; the client still needs a non-empty one.
        var variable = First(member.ApiKeyVariable) ?? OpenAIKeyVariable;
        var key = First(configuration[variable], effective.ApiKey);
        var credential = key is null ? "none (local server)" : key == configuration[variable] ? variable : "configuration or user-secrets";
        var client = new OpenAIClient(new ApiKeyCredential(key ?? "no-key"), clientOptions);
        var url = clientOptions.Endpoint?.ToString() ?? "https://api.openai.com/v1";
        var name = First(member.Name) ?? $"{clientOptions.Endpoint?.Authority ?? "api.openai.com"}/{model}";
        return new OpenAIConnection(name, url, model, credential, client);
    }

    private static long Quota(long member, long fallback) => member > 0 ? member : fallback;

    private static Uri ParseEndpoint(string endpoint)
    {
        if (!Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new EngineConfigurationException($"endpoint '{endpoint}' is not an http(s) URL");
        }

        // A password in the URL would be stored with the endpoint in the manifest and the job store; never echo it.
        return string.IsNullOrEmpty(uri.UserInfo)
            ? uri
            : throw new EngineConfigurationException(
                $"endpoint ({uri.Scheme}://{uri.Authority}) carries a user name or password; keys go in {AzureKeyVariable}, {OpenAIKeyVariable} or {EngineOptions.SectionName}:ApiKey (user-secrets), never in the URL");
    }

    /// <summary>The pipeline's attempt timeout governs; the SDK's own timeout only backs it up.</summary>
    private TimeSpan NetworkTimeout(EngineOptions effective) =>
        TimeSpan.FromSeconds(Math.Max(effective.TimeoutSeconds, resilience.Value.AttemptTimeoutSeconds + 5));

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static EngineOptions Blank(EngineOptions effective)
    {
        var copy = effective.Clone();
        copy.ApiKey = string.Empty;
        copy.Pool = [];
        return copy;
    }

    private sealed record BuiltDeployment(string Name, string Endpoint, string Model, string Credential, IChatCompletionService Service);

    private sealed record AzureConnection(string Name, string Url, string Credential, AzureOpenAIClient? Deployments, OpenAIClient? V1);

    private sealed record OpenAIConnection(string Name, string Url, string Model, string Credential, OpenAIClient Client);
}

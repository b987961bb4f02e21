using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Jobs;

namespace Summarizer.Testing;

/// <summary>Runs real jobs through the real OpenAI / Azure OpenAI clients against the loopback server.</summary>
public static class LoopbackJob
{
    /// <summary>The OpenAI key the loopback jobs send (it must never appear in an output).</summary>
    public const string OpenAIKey = "sk-loopback-openai-3c1f9a7e5b2d4f60";
    /// <summary>The Azure OpenAI key the loopback jobs send (it must never appear in an output).</summary>
    public const string AzureKey = "azkey-loopback-8e2b6c4d0a9f1e37";

    /// <summary>Core services using the openai engine against the server.</summary>
    public static ServiceProvider OpenAIServices(LoopbackOpenAiServer server, string output, params (string, string)[] more) =>
        OpenAIServices(server, output, clock: null, more);

    /// <summary>Core services using the openai engine against the server, on <paramref name="clock"/> (the system clock when null).</summary>
    public static ServiceProvider OpenAIServices(LoopbackOpenAiServer server, string output, TimeProvider? clock, params (string, string)[] more) => CoreServices.Create(
        clock,
        [
            ("Summarizer:Engine:Kind", "openai"),
            ("Summarizer:Engine:Endpoint", new Uri(server.BaseAddress, "v1").ToString()),
            ("Summarizer:Engine:Model", "gpt-4o-mini"),
            ("OPENAI_API_KEY", OpenAIKey),
            .. Common(output),
            .. more,
        ]);

    /// <summary>Core services using the azure engine against the server.</summary>
    public static ServiceProvider AzureServices(LoopbackOpenAiServer server, string output, params (string, string)[] more) => CoreServices.Create(
        [
            ("Summarizer:Engine:Kind", "azure"),
            ("Summarizer:Engine:Endpoint", server.BaseAddress.ToString()),
            ("Summarizer:Engine:Deployment", "briefing-dep"),
            ("Summarizer:Engine:Model", "gpt-4o-mini"),
            ("AZURE_OPENAI_API_KEY", AzureKey),
            .. Common(output),
            .. more,
        ]);

    /// <summary>Settings every loopback job shares: its output folder, the repository's prompts, fast retries, prices.</summary>
    private static (string, string)[] Common(string output) =>
    [
        ("Summarizer:Jobs:OutputRoot", output),
        ("Summarizer:Prompts:Root", Path.Combine(RepositoryPaths.Root, "prompts")),
        ("Summarizer:Resilience:BaseDelayMilliseconds", "5"),
        ("Summarizer:Resilience:MaxDelaySeconds", "0.05"),
        ("Summarizer:Pricing:Models:gpt-4o-mini:InputPerMillion", "0.15"),
        ("Summarizer:Pricing:Models:gpt-4o-mini:OutputPerMillion", "0.60"),
    ];

    /// <summary>Runs a job over the five seed articles.</summary>
    public static Task<JobResult> RunSeedsAsync(ServiceProvider services, CancellationToken cancellationToken = default) =>
        RunAsync(services, RepositoryPaths.Seeds, cancellationToken);

    /// <summary>Runs a job over a file or folder.</summary>
    public static Task<JobResult> RunAsync(ServiceProvider services, string path, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<JobRunner>().RunAsync(new JobRequest([path]), cancellationToken: cancellationToken);
}

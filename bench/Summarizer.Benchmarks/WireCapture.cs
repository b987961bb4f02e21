using System.Text.Json.Nodes;
using Summarizer.Testing;

namespace Summarizer.Benchmarks;

/// <summary>
/// Prints what Semantic Kernel's connectors put on the wire for each engine shape (azure chat, azure reasoning, Azure's
/// v1 surface, openai): method, path, query, header names (secret values never printed), and the body's keys with the
/// values of the settings that differ between shapes. One seed article per shape, against the loopback server.
/// </summary>
internal static class WireCapture
{
    private static readonly string[] Settings = ["model", "temperature", "max_tokens", "max_completion_tokens", "reasoning_effort", "seed"];

    public static async Task<int> RunAsync()
    {
        (string Name, Func<LoopbackOpenAiServer, string, Microsoft.Extensions.DependencyInjection.ServiceProvider> Services)[] shapes =
        [
            ("azure chat", (s, o) => LoopbackJob.AzureServices(s, o)),
            ("azure reasoning", (s, o) => LoopbackJob.AzureServices(s, o, ("Summarizer:Engine:Deployment", "o4-mini"), ("Summarizer:Engine:Model", "o4-mini"), ("Summarizer:Engine:Seed", "7"))),
            ("azure v1", (s, o) => LoopbackJob.AzureServices(s, o, ("Summarizer:Engine:AzureApi", "v1"))),
            ("openai", (s, o) => LoopbackJob.OpenAIServices(s, o)),
        ];
        foreach (var (name, services) in shapes)
        {
            using var output = new TempFolder();
            await using var server = await LoopbackOpenAiServer.StartAsync();
            server.ReasoningModel = name.Contains("reasoning", StringComparison.Ordinal);
            var result = await LoopbackJob.RunAsync(services(server, output.Path), RepositoryPaths.Seed("002"));
            var request = server.Requests.First(r => r.Stage == "translate");
            var body = JsonNode.Parse(request.Body)!.AsObject();
            Console.WriteLine($"== {name}: job {result.Status}, {server.Requests.Count} requests");
            Console.WriteLine($"  POST {request.Path}{request.Query}");
            Console.WriteLine($"  headers: {string.Join(", ", request.HeaderNames)}");
            Console.WriteLine($"  auth: {(request.ApiKeyHeader is null ? string.Empty : "api-key: *** ")}{(request.Authorization is null ? string.Empty : "authorization: Bearer ***")}");
            Console.WriteLine($"  body keys: {string.Join(", ", body.Select(p => p.Key))}");
            Console.WriteLine($"  settings: {string.Join(", ", Settings.Where(body.ContainsKey).Select(k => $"{k}={body[k]!.ToJsonString()}"))}; response_format={body["response_format"]?["type"]} strict={body["response_format"]?["json_schema"]?["strict"]}");
        }

        return 0;
    }
}

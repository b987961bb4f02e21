using System.Text.Json;
using Summarizer.Core.Engines;
using Summarizer.Core.Rendering;

namespace Summarizer.Core.Jobs;

/// <summary>
/// What a job was asked to do, resolved (absolute paths, the prompt versions and budget actually used), as the job
/// store keeps it so the job can be resumed or re-run exactly.
/// </summary>
public sealed record StoredRequest(
    IReadOnlyList<string> Paths,
    EngineOverrides Engine,
    IReadOnlyDictionary<string, int> PromptVersions,
    int ChunkTokens,
    int Concurrency)
{
    /// <summary>Serialises the request.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, OutputJson.Options);

    /// <summary>Reads a request.</summary>
    public static StoredRequest FromJson(string json) =>
        JsonSerializer.Deserialize<StoredRequest>(json, OutputJson.Options) ?? throw new InvalidOperationException("empty stored request");

    /// <summary>Turns the stored request back into a job request, with settings given now taking precedence.</summary>
    public JobRequest ToRequest(JobRequest now) => new(Paths)
    {
        Engine = new EngineOverrides
        {
            Kind = now.Engine.Kind ?? Engine.Kind,
            Endpoint = now.Engine.Endpoint ?? Engine.Endpoint,
            Model = now.Engine.Model ?? Engine.Model,
            Deployment = now.Engine.Deployment ?? Engine.Deployment,
        },
        PromptVersions = PromptVersions.Concat(now.PromptVersions).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
        ChunkTokens = now.ChunkTokens ?? ChunkTokens,
        Concurrency = now.Concurrency ?? Concurrency,
        OutputRoot = now.OutputRoot,
        NoCache = now.NoCache,
        OnFilter = now.OnFilter,
    };
}

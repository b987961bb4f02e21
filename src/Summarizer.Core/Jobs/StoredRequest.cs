using Summarizer.Core.Files;
using System.Text.Json;
using Summarizer.Core.Engines;

namespace Summarizer.Core.Jobs;

/// <summary>
/// What a job was asked to do and what it settled on (the prompt versions and budget actually used), as the job store
/// keeps it so the job can be resumed or re-run exactly. Properties added later are nullable: older stores lack them.
/// </summary>
/// <param name="Paths">The input paths as given (stores written before <see cref="BaseDirectory"/> existed hold absolute ones).</param>
/// <param name="Engine">The engine settings given on the command line.</param>
/// <param name="PromptVersions">The prompt version used per stage.</param>
/// <param name="ChunkTokens">The chunk budget used.</param>
/// <param name="Concurrency">The most calls at once.</param>
public sealed record StoredRequest(
    IReadOnlyList<string> Paths,
    EngineOverrides Engine,
    IReadOnlyDictionary<string, int> PromptVersions,
    int ChunkTokens,
    int Concurrency)
{
    /// <summary>Gets the folder relative <see cref="Paths"/> were given in.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Gets the engine kind the job ran on, whatever chose it.</summary>
    public string? EngineKind { get; init; }

    /// <summary>Gets the model the job ran on (blank when only a deployment named it).</summary>
    public string? Model { get; init; }

    /// <summary>Gets what the job did when the content filter stopped a chunk.</summary>
    public FilterPolicy? OnFilter { get; init; }

    /// <summary>Gets the SHA-256 of each stage's prompt file, by stage.</summary>
    public IReadOnlyDictionary<string, string>? PromptHashes { get; init; }

    /// <summary>Gets how the job's calls are sent (absent for jobs from before batch mode: realtime).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Mode { get; init; }

    /// <summary>Gets the reviewed job whose reviews the job applied (<c>summarizer apply</c>); resume and rerun apply them again.</summary>
    public string? AppliedFrom { get; init; }

    /// <summary>Gets a value indicating whether the job left the translation memory unused (null: it used it).</summary>
    public bool? NoTm { get; init; }

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
            // The engine the job ran on, not the one configuration would choose today: a new AZURE_OPENAI_ENDPOINT in the
            // environment must not move an old job to another engine.
            Kind = now.Engine.Kind ?? EngineKind ?? Engine.Kind,
            Endpoint = now.Engine.Endpoint ?? Engine.Endpoint,
            Model = now.Engine.Model ?? Engine.Model,
            Deployment = now.Engine.Deployment ?? Engine.Deployment,
        },
        PromptVersions = PromptVersions.Concat(now.PromptVersions).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
        ChunkTokens = now.ChunkTokens ?? ChunkTokens,
        Concurrency = now.Concurrency ?? Concurrency,
        OutputRoot = now.OutputRoot,
        NoCache = now.NoCache,
        OnFilter = now.OnFilter ?? OnFilter,
        Mode = now.Mode ?? Mode,
        NoWait = now.NoWait,
        BaseDirectory = BaseDirectory,
        EngineReason = now.Engine.Kind is null && EngineKind is not null ? "the engine the job was started on" : null,
        NoTm = now.NoTm || NoTm == true,
        AppliedFrom = now.AppliedFrom ?? AppliedFrom,
    };

    /// <summary>
    /// Lists the options given now that would change what the job is (resume continues a job exactly as it was
    /// started; those belong to <c>rerun</c>). The endpoint, deployment, concurrency and cache use may change.
    /// </summary>
    public IReadOnlyList<string> Changes(JobRequest now)
    {
        var changes = new List<string>();
        if (now.PromptVersions.Any(p => !PromptVersions.TryGetValue(p.Key, out var v) || v != p.Value))
        {
            changes.Add("--prompt");
        }

        if (now.ChunkTokens is { } tokens && tokens != ChunkTokens)
        {
            changes.Add("--chunk-tokens");
        }

        if (now.Engine.Kind is { } kind && (EngineKind ?? Engine.Kind) is { } was && !string.Equals(kind, was, StringComparison.OrdinalIgnoreCase))
        {
            changes.Add("--engine");
        }

        if (now.Engine.Model is { } model && (Engine.Model ?? Model) is { Length: > 0 } wasModel && !string.Equals(model, wasModel, StringComparison.Ordinal))
        {
            changes.Add("--model");
        }

        if (now.OnFilter is { } filter && filter != (OnFilter ?? FilterPolicy.Mark))
        {
            changes.Add("--on-filter");
        }

        if (now.Mode is { } mode && !string.Equals(mode, Mode ?? JobModes.Realtime, StringComparison.Ordinal))
        {
            changes.Add("--mode");
        }

        return changes;
    }
}

using Summarizer.Core.Jobs;

namespace Summarizer.Core.Rendering;

/// <summary>How an output was made: engine, model, prompts with hashes and settings. Written into every output.</summary>
public sealed record Provenance(
    string JobId,
    DateTimeOffset Created,
    string Engine,
    string EngineReason,
    string Endpoint,
    string Model,
    string ResponseFormat,
    bool ReferenceData,
    IReadOnlyList<PromptProvenance> Prompts,
    string GlossarySha256,
    int ChunkTokens,
    int ContextSentences,
    int Concurrency)
{
    /// <summary>The banner every output of the reference engine carries.</summary>
    public const string ReferenceBanner =
        "Produced by the offline reference engine from prepared reference data for the sample articles — not by a language model.";

    /// <summary>Builds the provenance of a job.</summary>
    public static Provenance From(JobContext context) => new(
        context.JobId,
        context.Created,
        context.Engine.Kind,
        context.Engine.Reason,
        context.Engine.Endpoint,
        context.Engine.Model,
        context.Engine.Options.ResponseFormat,
        context.Engine.IsReference,
        context.Prompts.Select(p => new PromptProvenance(p.Stage, p.VersionLabel, p.Sha256, p.Settings.Temperature, p.Settings.MaxTokens)).ToList(),
        context.Glossary.Sha256,
        context.ChunkTokens,
        context.ContextSentences,
        context.Concurrency);

    /// <summary>Gets a one-line description: engine, model and prompt versions.</summary>
    public string OneLine =>
        $"job {JobId} · engine {Engine} · model {Model} · prompts " +
        string.Join(", ", Prompts.Select(p => $"{p.Stage} {p.Version} ({p.Sha256[..12]})"));
}

/// <summary>Which prompt version a stage used, identified by the hash of its file.</summary>
public sealed record PromptProvenance(string Stage, string Version, string Sha256, double Temperature, int MaxTokens);

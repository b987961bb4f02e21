
namespace Summarizer.Core.Outputs;

/// <summary>How an output was made: engine, model, prompts with hashes and settings. Written into every output.</summary>
public sealed record Provenance(
    string JobId,
    DateTimeOffset Created,
    string Engine,
    string EngineReason,
    string Endpoint,
    string Model,
    string ResponseFormat,
    string ModelFamily,
    long? Seed,
    string ApiVersion,
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
        context.Engine.Profile.ResponseFormat,
        context.Engine.Profile.Family,
        context.Engine.Profile.Seed,
        ApiVersionOf(context.Engine),
        context.Engine.IsReference,
        context.Prompts.Select(p => PromptProvenance.Of(p, context.Engine.Profile)).ToList(),
        context.Glossary.Sha256,
        context.ChunkTokens,
        context.ContextSentences,
        context.Concurrency);

    /// <summary>The api-version an azure job sent: the configured one, else the connector's; none on other engines or Azure's v1 surface.</summary>
    private static string ApiVersionOf(EngineSetup.ResolvedEngine engine) =>
        engine.Kind != Engines.EngineKinds.Azure || engine.Options.AzureApi == "v1" ? string.Empty
        : string.IsNullOrWhiteSpace(engine.Options.ApiVersion) ? Engines.ApiVersionPolicy.SdkDefault : engine.Options.ApiVersion.Trim();

    /// <summary>Gets a one-line description: engine, model and prompt versions.</summary>
    public string OneLine =>
        $"job {JobId} · engine {Engine} · model {Model} · prompts " +
        string.Join(", ", Prompts.Select(p => $"{p.Stage} {p.Version} ({p.Sha256[..12]})"));
}

/// <summary>Which prompt version a stage used, identified by the hash of its file, and the settings its calls were sent with.</summary>
public sealed record PromptProvenance(string Stage, string Version, string Sha256, double? Temperature, int MaxTokens, string? ReasoningEffort)
{
    /// <summary>Describes a prompt as the job's model family used it.</summary>
    public static PromptProvenance Of(Prompts.StagePrompt prompt, Engines.ModelProfile profile)
    {
        var settings = prompt.For(profile.Family);
        return new PromptProvenance(prompt.Stage, prompt.VersionLabel, prompt.Sha256, settings.Temperature, settings.MaxTokens, profile.EffortFor(settings));
    }
}

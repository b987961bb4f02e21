using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Batch;
using Summarizer.Core.Chunking;
using Summarizer.Core.Engines;
using Summarizer.Core.EngineSetup;
using Summarizer.Core.Jobs;
using Summarizer.Core.Prompts;
using Summarizer.Core.Rendering;
using Summarizer.Core.Resilience;
using Summarizer.Core.Ingest;
using Summarizer.Core.Planning;
using Summarizer.Core.Segmentation;
using Summarizer.Core.Telemetry;
using Summarizer.Core.Tokens;

namespace Summarizer.Core;

/// <summary>Registers the summarizer's services.</summary>
public static class SummarizerServiceCollectionExtensions
{
    /// <summary>Adds the core services with options bound from <paramref name="configuration"/> and validated before a command runs (<c>IStartupValidator</c>).</summary>
    public static IServiceCollection AddSummarizerCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChunkingOptions>().Bind(configuration.GetSection(ChunkingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PlanningOptions>().Bind(configuration.GetSection(PlanningOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PricingOptions>().Bind(configuration.GetSection(PricingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PromptOptions>().Bind(configuration.GetSection(PromptOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EngineOptions>().Bind(configuration.GetSection(EngineOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ResilienceOptions>().Bind(configuration.GetSection(ResilienceOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JobOptions>().Bind(configuration.GetSection(JobOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BatchOptions>().Bind(configuration.GetSection(BatchOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<TextDecoder>();
        services.AddSingleton<TextNormalizer>();
        services.AddSingleton<BoilerplateFilter>();
        services.AddSingleton<PageLayout>();
        services.AddSingleton<HtmlContentExtractor>();
        services.AddSingleton<JsonArticleReader>();
        services.AddSingleton<ArticleIngestor>();
        services.AddSingleton<ArticleFileFinder>();
        services.AddSingleton<SentenceSplitter>();
        services.AddSingleton<ITokenCounter, O200kTokenCounter>();
        services.AddSingleton<SentenceSegmenter>();
        services.AddSingleton<Chunker>();
        services.AddSingleton<TokenEstimator>();
        services.AddSingleton<OutputBudget>();
        services.AddSingleton<JobPlanner>();
        services.AddSingleton(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PromptLibrary>();
        services.AddSingleton<ReferenceDataStore>();
        services.AddSingleton<SecretRedactor>();
        services.AddSingleton<EngineFactory>();
        services.AddSingleton<JobWriter>();
        services.AddSingleton<DiffWriter>();
        services.AddSingleton<JobRunner>();
        return services;
    }
}

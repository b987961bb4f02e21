using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Services;
using Summarizer.Core.Planning;
using Summarizer.Core.Stages;

using Summarizer.Core.Engines;

namespace Summarizer.Core.EngineSetup;

/// <summary>
/// The offline engine: answers stage calls for the sample articles from prepared reference data, so the sample job
/// runs with no model and no key. It answers nothing else: any other request fails with a message saying how to
/// configure a real engine. Every output it produces is labelled as reference data by the job writer.
/// </summary>
public sealed class ReferenceChatCompletionService(ReferenceDataStore store) : WholeAnswerChatService
{
    /// <summary>The message part that tells users how to use a real engine.</summary>
    public const string ConfigureHint = "the reference engine only knows the sample articles in samples/articles. " + ReferenceCoverage.HowToConfigure;

    /// <summary>Gets the prepared data the engine answers from.</summary>
    public ReferenceDataStore Store => store;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?> { [AIServiceExtensions.ModelIdKey] = "reference-data" };

    /// <inheritdoc />
    public override Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        CancellationToken cancellationToken = default)
    {
        var settings = executionSettings as StageExecutionSettings
            ?? throw new EngineCallException("the reference engine answers only summarizer stage calls");
        var answer = settings.Stage switch
        {
            StageNames.Translate => Translate(settings.Input),
            StageNames.Summarize => Summarize(settings.Input),
            StageNames.Merge => Merge(settings.Input),
            StageNames.Brief => Brief(settings.Input),
            _ => throw new EngineCallException($"the reference engine has no stage '{settings.Stage}'"),
        };
        var usage = new CallUsage(0, 0, "stop", "reference-data");
        IReadOnlyList<ChatMessageContent> result =
        [
            new(AuthorRole.Assistant, answer, modelId: "reference-data") { Metadata = new Dictionary<string, object?> { [CallUsage.MetadataKey] = usage } },
        ];
        return Task.FromResult(result);
    }


    private string Translate(JsonObject input)
    {
        var translations = Items(input, "sentences")
            .Select(s => new SentenceTranslation(Text(s, "id"), SentenceOf(Text(s, "ar"), Text(s, "id")).Sentence.En))
            .ToList();
        return StageJson.Serialize(new TranslateOutput(translations));
    }

    private string Summarize(JsonObject input)
    {
        var sentences = Items(input, "sentences").ToList();
        var ids = sentences.Select(s => Text(s, "id")).ToHashSet(StringComparer.Ordinal);
        var article = sentences.Count == 0 ? null : SentenceOf(Text(sentences[0], "ar"), Text(sentences[0], "id")).Article;
        var claims = article?.Claims.Where(c => c.Sources.All(ids.Contains)).ToList() ?? [];
        return StageJson.Serialize(new SummarizeOutput(claims));
    }

    private string Merge(JsonObject input)
    {
        var claims = Items(input, "claims").ToList();
        var english = claims.Select(c => Text(c, "en")).ToHashSet(StringComparer.Ordinal);
        var article = store.Articles.FirstOrDefault(a => a.Claims.Any(c => english.Contains(c.En)))
            ?? throw new EngineCallException($"no reference summary for these claims; {ConfigureHint}");
        var merged = article.Claims.Where(c => english.Contains(c.En)).ToList();
        return StageJson.Serialize(new MergeOutput(article.HeadlineEn, article.HeadlineAr, article.SummaryEn, article.SummaryAr, merged));
    }

    private string Brief(JsonObject input)
    {
        var briefing = store.Briefing ?? throw new EngineCallException($"no reference briefing in {store.Folder}; {ConfigureHint}");
        var present = Items(input, "articles").Select(a => Text(a, "article")).ToHashSet(StringComparer.Ordinal);
        var sections = briefing.Sections
            .Select(s => new BriefSection(s.Heading, s.Paragraphs.Where(p => p.Articles.All(present.Contains)).Select(p => p.Text).ToList()))
            .Where(s => s.Paragraphs.Count > 0)
            .ToList();
        var conflicts = briefing.Conflicts.Where(c => c.Sources.All(src => present.Contains(src.Split(':')[0]))).ToList();
        return StageJson.Serialize(new BriefOutput(briefing.Title, sections, conflicts));
    }

    private (ReferenceArticle Article, ReferenceSentence Sentence) SentenceOf(string arabic, string id) =>
        store.FindSentence(arabic) ?? throw new EngineCallException($"no reference translation for sentence {id}; {ConfigureHint}");

    private static IEnumerable<JsonObject> Items(JsonObject input, string name) =>
        (input[name] as JsonArray ?? []).OfType<JsonObject>();

    private static string Text(JsonObject item, string name) => item[name]?.GetValue<string>() ?? string.Empty;
}

using Summarizer.Core.Scheduling;
using Summarizer.Core.Outputs;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Moq;
using Summarizer.Core.Engines;
using Summarizer.Core.Jobs;
using Summarizer.Core.Planning;
using Summarizer.Core.Prompts;
using Summarizer.Core.Stages;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Jobs;

/// <summary>
/// Summarize runs every chunk of an article at once and each answer adds claims, failures and flags to the article:
/// whatever order the answers arrive in, the article must come out the same.
/// </summary>
public sealed class ArticlePipelineStressTests : IDisposable
{
    private const int Chunks = 64;
    private const int Concurrency = 32;
    private const int Runs = 200;
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Sixty_four_chunks_at_concurrency_32_give_the_same_claims_failures_and_flags_200_times()
    {
        var services = CoreServices.Create(("Summarizer:Prompts:Root", Path.Combine(RepositoryPaths.Root, "prompts")));
        var library = services.GetRequiredService<PromptLibrary>();
        var glossary = Glossary.Load(library.Root);
        var path = _folder.Write("long.txt", new SyntheticArabic(11).Article(2600));
        var planned = await services.GetRequiredService<JobPlanner>().PlanArticlesAsync(new PlanRequest([path]) { ChunkTokens = 40 });
        var article = Assert.Single(planned.Articles);
        Assert.True(article.Chunks.Count >= Chunks, $"{article.Chunks.Count} chunks");
        var chunks = article.Chunks.Take(Chunks).ToList();
        var sentences = chunks.SelectMany(c => c.Sentences).ToList();
        var callers = Callers(library, Model(seed: 1));

        var first = Snapshot(await RunAsync(callers, article, sentences, chunks, glossary));
        for (var run = 1; run < Runs; run++)
        {
            var again = Snapshot(await RunAsync(Callers(library, Model(seed: run + 1)), article, sentences, chunks, glossary));
            Assert.Equal(first, again);
        }

        Assert.Contains("summarize", first, StringComparison.Ordinal);
        Assert.Contains("flag ", first, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static Task<ArticleResult> RunAsync(StageCallers callers, ArticlePlan article, IReadOnlyList<Summarizer.Core.Segmentation.Sentence> sentences, IReadOnlyList<Summarizer.Core.Chunking.Chunk> chunks, Glossary glossary) =>
        new ArticlePipeline(callers, glossary, NullJobProgress.Instance).RunAsync(article.Ingest.Article!, sentences, chunks, CancellationToken.None);

    /// <summary>Everything the article's files are drawn from, in the order they are written.</summary>
    private static string Snapshot(ArticleResult work) => string.Join('\n',
        work.Claims.Select(c => $"claim {c.Id} {c.En} [{string.Join(",", c.Sources)}] {string.Join(",", c.Flags.Select(f => f.Code))}")
            .Concat(work.Failures.Select(f => $"failure {f.Stage} {f.Item}: {f.Reason}"))
            .Concat(work.SentenceFlags.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value.Select(f => $"flag {p.Key} {f.Code} {f.Message}")))
            .Append($"status {work.Status}"));

    private static StageCallers Callers(PromptLibrary library, IChatCompletionService model)
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(model);
        var kernel = builder.Build();
        var usage = new StageUsage();
        var scheduler = new InteractiveScheduler(new SemaphoreSlim(Concurrency));
        StageCaller Caller(string stage) => new(kernel, library.LoadConfigured(stage), ModelProfile.Default, usage, scheduler: scheduler);
        return new StageCallers(Caller(StageNames.Translate), Caller(StageNames.Summarize), Caller(StageNames.Merge), Caller(StageNames.Brief));
    }

    /// <summary>
    /// A model whose summaries arrive in a different order on every run (random delays), but whose content depends only on
    /// the input: every fifth chunk's claims cite a sentence that does not exist (a failure after the repair call), every
    /// seventh chunk's translation leaves out a glossary term (a flag).
    /// </summary>
    private static IChatCompletionService Model(int seed)
    {
        var random = new Random(seed);
        var model = new Mock<IChatCompletionService>();
        model.Setup(m => m.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings>(), It.IsAny<Kernel>(), It.IsAny<CancellationToken>()))
            .Returns(async (ChatHistory _, PromptExecutionSettings settings, Kernel _, CancellationToken token) =>
            {
                var stage = (StageExecutionSettings)settings;
                int delay;
                lock (random)
                {
                    delay = stage.Stage == StageNames.Summarize ? random.Next(0, 3) : 0;
                }

                // Only summarize runs chunks side by side; its answers are the ones whose order must not matter.
                await (delay == 0 ? Task.Run(() => { }, token) : Task.Delay(delay, token));
                return (IReadOnlyList<ChatMessageContent>)[new ChatMessageContent(AuthorRole.Assistant, Answer(stage.Stage, stage.Input))];
            });
        return model.Object;
    }

    private static string Answer(string stage, JsonObject input)
    {
        var answer = JsonNode.Parse(FakeModel.Answer(stage, input))!.AsObject();
        var first = input["sentences"]?.AsArray().FirstOrDefault()?["id"]?.GetValue<string>();
        var index = first is null ? 0 : int.Parse(first[1..], System.Globalization.CultureInfo.InvariantCulture);
        if (stage == StageNames.Summarize && index % 5 == 0)
        {
            answer["claims"]!.AsArray().Add(new JsonObject { ["en"] = $"Claim citing nothing near {first}.", ["ar"] = "لا شيء", ["sources"] = new JsonArray("s99999") });
        }

        if (stage == StageNames.Translate && index % 7 == 0 && input["glossary"] is JsonArray { Count: > 0 })
        {
            foreach (var translation in answer["translations"]!.AsArray())
            {
                translation!["en"] = $"Sentence {translation["id"]} translated without its names.";
            }
        }

        return answer.ToJsonString();
    }
}

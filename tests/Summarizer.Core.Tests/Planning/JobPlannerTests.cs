using System.Text;
using System.Reflection;
using Summarizer.Core.Chunking;
using Summarizer.Core.Ingest;
using Summarizer.Core.Planning;
using Summarizer.Core.Segmentation;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Planning;

public sealed class JobPlannerTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly JobPlanner _planner = CoreServices.Get<JobPlanner>();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_mixed_folder_still_plans_the_good_files_and_gives_each_bad_one_its_reason()
    {
        _folder.Write("good.txt", ArabicSamples.ShortArticle);
        _folder.Write("sub/good-page.html", $"<article><h1>عنوان</h1><p>{ArabicSamples.ShortArticle}</p></article>");
        _folder.WriteBytes("binary.txt", [1, 2, 0, 0, 5]);
        _folder.WriteBytes("empty.md", []);
        _folder.Write("english.txt", "Nothing Arabic here at all, only English words.");
        var broken = Encoding.UTF8.GetBytes(ArabicSamples.ShortArticle);
        broken[20] = 0xFF;
        _folder.WriteBytes("broken.txt", broken);

        var plan = await _planner.PlanAsync(new PlanRequest([_folder.Path]));

        var byId = plan.Articles.ToDictionary(a => a.Id);
        Assert.True(byId["good"].IsAccepted);
        Assert.True(byId["good-page"].IsAccepted);
        Assert.Equal(RejectionReason.Binary, byId["binary"].Reason);
        Assert.Equal(RejectionReason.Empty, byId["empty"].Reason);
        Assert.Equal(RejectionReason.NotArabic, byId["english"].Reason);
        Assert.Equal(RejectionReason.Undecodable, byId["broken"].Reason);
        Assert.Equal(4, plan.Rejected);
        Assert.True(byId["good"].Sentences >= 3);
    }

    [Fact]
    public async Task Totals_add_up_over_articles_and_stages()
    {
        var planned = await _planner.PlanArticlesAsync(new PlanRequest([RepositoryPaths.Seeds]) { ChunkTokens = 200 });
        var plan = planned.Plan;

        Assert.Equal(5, plan.Articles.Count);
        Assert.Equal(plan.Chunks, plan.Stages.Single(s => s.Stage == StageNames.Translate).Calls);
        Assert.Equal(plan.Chunks, plan.Stages.Single(s => s.Stage == StageNames.Summarize).Calls);
        Assert.Equal(5, plan.Stages.Single(s => s.Stage == StageNames.Merge).Calls);
        Assert.Equal(1, plan.Stages.Single(s => s.Stage == StageNames.Brief).Calls);
        Assert.Equal((2 * plan.Chunks) + 5 + 1, plan.Calls);
        Assert.Equal(plan.Articles.Sum(a => a.InputTokens) + plan.Stages[3].InputTokens, plan.InputTokens);
        Assert.All(planned.Articles.SelectMany(a => a.Chunks), c => Assert.True(c.SourceTokens <= 200));
        Assert.Null(plan.CostUsd);
    }

    [Fact]
    public async Task Cost_comes_from_the_configured_price_of_the_chosen_model()
    {
        var planner = CoreServices.Get<JobPlanner>(
            ("Summarizer:Pricing:Models:cheap:InputPerMillion", "1"),
            ("Summarizer:Pricing:Models:cheap:OutputPerMillion", "4"));

        var plan = await planner.PlanAsync(new PlanRequest([RepositoryPaths.Seeds]) { Model = "cheap" });

        Assert.Equal("cheap", plan.Model);
        Assert.Equal(Math.Round((plan.InputTokens + (4m * plan.OutputTokens)) / 1_000_000m, 6), plan.CostUsd);
    }

    [Fact]
    public async Task A_smaller_budget_gives_more_chunks()
    {
        var large = await _planner.PlanAsync(new PlanRequest([RepositoryPaths.Seeds]) { ChunkTokens = 1000 });
        var small = await _planner.PlanAsync(new PlanRequest([RepositoryPaths.Seeds]) { ChunkTokens = 150 });

        Assert.True(small.Chunks > large.Chunks, $"{small.Chunks} vs {large.Chunks}");
        Assert.Equal(150, small.ChunkTokens);
    }

    [Fact]
    public async Task Files_that_slug_to_the_same_id_get_distinct_ids()
    {
        _folder.Write("a/news.txt", ArabicSamples.ShortArticle);
        _folder.Write("b/news.md", ArabicSamples.ShortArticle);

        var plan = await _planner.PlanAsync(new PlanRequest([_folder.Path]));
        var planned = await _planner.PlanArticlesAsync(new PlanRequest([_folder.Path]));

        Assert.Equal(["news", "news-2"], plan.Articles.Select(a => a.Id));
        Assert.Equal(["news", "news-2"], planned.Articles.Select(a => a.Id));

        // A run cites sentences by the article's own id, so the article itself must carry the new id too.
        Assert.Equal("news-2", planned.Articles[1].Ingest.Article!.Id);
    }

    [Fact]
    public async Task A_run_is_planned_exactly_as_the_plan_command_reports_it()
    {
        _folder.Write("a/news.txt", ArabicSamples.ShortArticle);
        _folder.Write("b/news.md", ArabicSamples.ShortArticle);
        _folder.WriteBytes("empty.txt", []);
        _folder.CopyFrom(RepositoryPaths.Seeds);

        var streamed = await _planner.PlanAsync(new PlanRequest([_folder.Path]) { ChunkTokens = 200 });
        var planned = await _planner.PlanArticlesAsync(new PlanRequest([_folder.Path]) { ChunkTokens = 200 });

        Assert.Equal(PlanReport.From(streamed).ToJson(), PlanReport.From(planned.Plan).ToJson());
    }

    [Fact]
    public void A_plan_cannot_hold_article_text_sentences_or_chunks()
    {
        // Planning streams because a JobPlan has nowhere to keep an article: its type graph holds counts, names and
        // estimates only. A property that reached an article, a sentence or a chunk would make peak memory grow again.
        var forbidden = new[] { typeof(Article), typeof(IngestResult), typeof(Sentence), typeof(Chunk), typeof(ArticlePlan) };

        var reachable = TypesReachableFrom(typeof(JobPlan));

        Assert.Empty(reachable.Intersect(forbidden));
        Assert.Contains(typeof(ArticleEstimate), reachable);
    }

    [Fact]
    public async Task A_path_that_does_not_exist_is_an_input_error()
    {
        var error = await Assert.ThrowsAsync<PlanInputException>(() => _planner.PlanAsync(new PlanRequest([Path.Combine(_folder.Path, "missing")])));

        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_article_files_is_an_input_error()
    {
        _folder.Write("notes.docx", "x");

        await Assert.ThrowsAsync<PlanInputException>(() => _planner.PlanAsync(new PlanRequest([_folder.Path])));
    }

    private static HashSet<Type> TypesReachableFrom(Type root)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([root]);
        while (pending.TryPop(out var type))
        {
            // Framework types are leaves, except generic ones such as IReadOnlyList<T>, whose arguments are followed.
            var ours = type.Namespace?.StartsWith("Summarizer", StringComparison.Ordinal) == true;
            if (!seen.Add(type) || (!ours && !type.IsGenericType))
            {
                continue;
            }

            var fields = ours ? type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Select(f => f.FieldType) : [];
            foreach (var next in type.GetGenericArguments().Concat(fields))
            {
                pending.Push(next.IsArray ? next.GetElementType()! : next);
            }
        }

        return seen;
    }
}

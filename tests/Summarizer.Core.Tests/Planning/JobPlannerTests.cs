using System.Text;
using Summarizer.Core.Ingest;
using Summarizer.Core.Planning;
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
        Assert.Equal(RejectionReason.Binary, byId["binary"].Ingest.Reason);
        Assert.Equal(RejectionReason.Empty, byId["empty"].Ingest.Reason);
        Assert.Equal(RejectionReason.NotArabic, byId["english"].Ingest.Reason);
        Assert.Equal(RejectionReason.Undecodable, byId["broken"].Ingest.Reason);
        Assert.Equal(4, plan.Rejected);
        Assert.True(byId["good"].Sentences.Count >= 3);
    }

    [Fact]
    public async Task Totals_add_up_over_articles_and_stages()
    {
        var plan = await _planner.PlanAsync(new PlanRequest([RepositoryPaths.Seeds]) { ChunkTokens = 200 });

        Assert.Equal(5, plan.Articles.Count);
        Assert.Equal(plan.Chunks, plan.Stages.Single(s => s.Stage == StageNames.Translate).Calls);
        Assert.Equal(plan.Chunks, plan.Stages.Single(s => s.Stage == StageNames.Summarize).Calls);
        Assert.Equal(5, plan.Stages.Single(s => s.Stage == StageNames.Merge).Calls);
        Assert.Equal(1, plan.Stages.Single(s => s.Stage == StageNames.Brief).Calls);
        Assert.Equal((2 * plan.Chunks) + 5 + 1, plan.Calls);
        Assert.Equal(plan.Articles.Sum(a => a.InputTokens) + plan.Stages[3].InputTokens, plan.InputTokens);
        Assert.All(plan.Articles.SelectMany(a => a.Chunks), c => Assert.True(c.SourceTokens <= 200));
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

        Assert.Equal(["news", "news-2"], plan.Articles.Select(a => a.Id));
        Assert.Equal("news-2", plan.Articles[1].Ingest.Article!.Id);
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
}

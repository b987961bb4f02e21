using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Summarizer.Core.Chunking;
using Summarizer.Core.Planning;
using Summarizer.Core.Tokens;

namespace Summarizer.Core.Tests.Planning;

public class OutputBudgetTests
{
    private static readonly O200kTokenCounter Tokens = new();
    private readonly OutputBudget _budget = new(Options.Create(new PlanningOptions()), Tokens);

    [Fact]
    public void A_translation_gets_room_for_its_sentences_with_headroom_not_the_prompts_ceiling()
    {
        var input = Sentences(40);
        var source = input["sentences"]!.AsArray().Sum(s => Tokens.Count(s!["ar"]!.GetValue<string>()));

        var room = _budget.For(StageNames.Translate, input, ceiling: 4000);

        // 1.1 English tokens per Arabic token and 12 per item, times 1.3, plus the envelope.
        Assert.Equal((int)Math.Ceiling((((source * 1.1) + (40 * 12)) * 1.3) + 16), room);
        Assert.True(room < 4000);
    }

    [Fact]
    public void More_input_gets_more_room()
    {
        Assert.True(_budget.For(StageNames.Translate, Sentences(30), 100_000) > _budget.For(StageNames.Translate, Sentences(10), 100_000));
        Assert.True(_budget.For(StageNames.Summarize, Sentences(30), 100_000) > _budget.For(StageNames.Summarize, Sentences(10), 100_000));
    }

    [Fact]
    public void The_prompts_max_tokens_is_the_ceiling_and_a_tiny_input_still_gets_the_floor()
    {
        Assert.Equal(500, _budget.For(StageNames.Translate, Sentences(200), ceiling: 500));
        Assert.Equal(256, _budget.For(StageNames.Translate, Sentences(1), ceiling: 4000));
        Assert.Equal(100, _budget.For(StageNames.Translate, Sentences(1), ceiling: 100));
    }

    [Fact]
    public void Merge_has_room_to_restate_every_claim_in_both_languages()
    {
        var claims = new JsonArray(Enumerable.Range(1, 20).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = $"k{i}",
            ["en"] = $"The ministry said {i} projects would start next year in the region.",
            ["ar"] = "أعلنت الوزارة أن المشاريع ستبدأ العام المقبل في المنطقة",
            ["sources"] = new JsonArray("s1"),
        }).ToArray());
        var input = new JsonObject { ["title"] = "عنوان", ["claims"] = claims };
        var restated = claims.Sum(c => Tokens.Count(c!["en"]!.GetValue<string>()) + Tokens.Count(c["ar"]!.GetValue<string>()));

        var room = _budget.For(StageNames.Merge, input, ceiling: 100_000);

        Assert.True(room >= restated + 300, $"{room} for {restated} claim tokens");
    }

    [Fact]
    public void Brief_grows_with_the_claims_it_cites()
    {
        static JsonObject Brief(int claims) => new()
        {
            ["articles"] = new JsonArray(new JsonObject
            {
                ["article"] = "a1",
                ["headline_en"] = "Headline",
                ["claims"] = new JsonArray(Enumerable.Range(0, claims).Select(_ => (JsonNode)new JsonObject { ["en"] = "A claim about a dozen words long, give or take a few.", ["sources"] = new JsonArray("s1") }).ToArray()),
            }),
        };

        Assert.True(_budget.For(StageNames.Brief, Brief(80), 100_000) > _budget.For(StageNames.Brief, Brief(40), 100_000));
    }

    private static JsonObject Sentences(int count) => new()
    {
        ["title"] = "عنوان",
        ["sentences"] = new JsonArray(Enumerable.Range(1, count).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = $"s{i}",
            ["ar"] = "أعلنت وزارة الخارجية العراقية في بيان رسمي عن مشروع جديد لدعم إعادة إعمار المجتمعات المتضررة",
            ["en"] = "The Iraqi foreign ministry announced a new project to support rebuilding affected communities",
        }).ToArray()),
    };
}

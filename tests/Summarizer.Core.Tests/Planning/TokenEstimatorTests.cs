using Microsoft.Extensions.Options;
using Summarizer.Core.Chunking;
using Summarizer.Core.Planning;
using Summarizer.Core.Segmentation;
using Summarizer.Core.Tokens;

namespace Summarizer.Core.Tests.Planning;

public class TokenEstimatorTests
{
    private readonly FixedTokenCounter _tokens = new(5);
    private readonly PlanningOptions _planning = new()
    {
        PromptTokens = new StagePromptTokens { Translate = 100, Summarize = 50, Merge = 40, Brief = 30 },
        ItemOverheadTokens = 10,
        EnglishPerArabicToken = 1.0,
        ClaimsPerSourceToken = 0.5,
        MergeOutputPerInputToken = 0.5,
        BriefOutputPerInputToken = 0.5,
    };

    private readonly PricingOptions _pricing = new()
    {
        Models = new(StringComparer.OrdinalIgnoreCase) { ["m"] = new ModelPrice { InputPerMillion = 2m, OutputPerMillion = 8m } },
    };

    [Fact]
    public void Estimates_one_translate_and_one_summarize_call_per_chunk_and_one_merge()
    {
        var chunks = new[] { Chunk("c1", 200, 2, context: 0), Chunk("c2", 100, 1, context: 2) };

        var (stages, briefInput) = Estimator().EstimateArticle("عنوان", chunks);

        // translate c1: 100 prompt + 5 title + 200 source + 2*10 items; c2: 100 + 5 + 100 + 10 + context 2*20 tokens, 2*20 English, 2*10 items.
        Assert.Equal(new StageEstimate(StageNames.Translate, 2, 325 + 215 + 40 + 40 + 20, 220 + 110), stages[0]);
        Assert.Equal(new StageEstimate(StageNames.Summarize, 2, 475 + 265, 100 + 50), stages[1]);
        Assert.Equal(new StageEstimate(StageNames.Merge, 1, 40 + 5 + 150, 75), stages[2]);
        Assert.Equal(37, briefInput);
        Assert.Equal(1, _tokens.Calls);
    }

    [Fact]
    public void An_article_without_chunks_costs_nothing()
    {
        var (stages, briefInput) = Estimator().EstimateArticle("عنوان", []);

        Assert.All(stages, s => Assert.Equal((0, 0L, 0L), (s.Calls, s.InputTokens, s.OutputTokens)));
        Assert.Equal(0, briefInput);
    }

    [Fact]
    public void Brief_is_one_call_for_the_job_and_none_without_articles()
    {
        Assert.Equal(new StageEstimate(StageNames.Brief, 1, 30 + 100 + 30, 50), Estimator().EstimateBrief(100, 3));
        Assert.Equal(0, Estimator().EstimateBrief(0, 0).Calls);
    }

    [Fact]
    public void Prices_tokens_from_the_table_and_says_null_for_an_unknown_model()
    {
        Assert.Equal(0.006m, Estimator().Cost("M", 1000, 500));
        Assert.Null(Estimator().Cost("unknown", 1000, 500));
    }

    private TokenEstimator Estimator() => new(Options.Create(_planning), Options.Create(_pricing), _tokens);

    private static Chunk Chunk(string id, int tokens, int sentences, int context)
    {
        var items = Enumerable.Range(1, sentences).Select(i => new Sentence($"s{i}", 0, 1, "x", 1, tokens / sentences)).ToList();
        var before = Enumerable.Range(1, context).Select(i => new Sentence($"p{i}", 0, 1, "x", 1, 20)).ToList();
        return new Chunk(id, items, before, tokens);
    }
}

/// <summary>Moq cannot match span arguments, so a plain fake counts calls instead.</summary>
internal sealed class FixedTokenCounter(int tokens) : ITokenCounter
{
    public int Calls { get; private set; }

    public string EncodingName => "fixed";

    public int Count(ReadOnlySpan<char> text)
    {
        Calls++;
        return tokens;
    }
}

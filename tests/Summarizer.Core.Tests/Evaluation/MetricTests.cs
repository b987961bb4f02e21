using Summarizer.Core.Evaluation;

namespace Summarizer.Core.Tests.Evaluation;

/// <summary>chrF, chrF++ and BLEU on examples computed by hand (sacreBLEU definitions).</summary>
public class MetricTests
{
    [Fact]
    public void Bleu_of_a_one_word_substitution_is_the_geometric_mean_of_clipped_precisions()
    {
        // 1-grams 5/6 ("the" clipped to 1), 2-grams 3/5, 3-grams 2/4, 4-grams 1/3, equal lengths so no brevity penalty:
        // (5/6 · 3/5 · 1/2 · 1/3)^(1/4) = 0.53728.
        Assert.Equal(53.728, Bleu.Sentence("the cat sat on the mat", "the cat sat on a mat"), 3);
    }

    [Fact]
    public void Bleu_is_100_for_an_identical_segment_and_applies_the_brevity_penalty_to_short_ones()
    {
        Assert.Equal(100, Bleu.Sentence("The minister visited Erbil on Monday.", "The minister visited Erbil on Monday."), 6);

        // All n-grams of the 5-token hypothesis match; the reference has 6 tokens: BP = exp(1 - 6/5) = 0.81873.
        Assert.Equal(81.873, Bleu.Sentence("a b c d e", "a b c d e f"), 3);
    }

    [Fact]
    public void Bleu_smooths_a_missing_order_exponentially()
    {
        // "a b c d" vs "a b x d": 1-grams 3/4 → 75, 2-grams 1/3 → 33.33, 3-grams 0/2 → 100/(2·2) = 25,
        // 4-grams 0/1 → 100/(4·1) = 25; (75 · 33.33 · 25 · 25)^(1/4) = 1562500^(1/4) = 35.355.
        Assert.Equal(35.355, Bleu.Sentence("a b c d", "a b x d"), 3);
    }

    [Fact]
    public void The_13a_tokeniser_splits_punctuation_but_keeps_decimals_and_thousands_together()
    {
        // 13a splits a dash after a digit, but not a dot or comma between digits.
        Assert.Equal(["It", "cost", "1.39", "billion", "(", "2016", "-", "2022", ")", "and", "4,300", "."], Bleu.Tokenize13a("It cost 1.39 billion (2016-2022) and 4,300."));
    }

    [Fact]
    public void ChrF_of_one_changed_character_averages_precision_and_recall_over_the_orders_present()
    {
        // "abc" vs "abd": 1-grams 2/3, 2-grams 1/2, 3-grams 0/1; orders 4-6 have no n-grams on either side.
        // P = R = (2/3 + 1/2 + 0)/3 = 0.38889, so F2 = 38.889.
        Assert.Equal(38.889, new ChrF().Sentence("abc", "abd"), 3);
    }

    [Fact]
    public void ChrF_ignores_white_space_and_chrF_plus_plus_adds_word_bigrams()
    {
        Assert.Equal(100, new ChrF().Sentence("a b c", "abc"), 6);
        Assert.True(new ChrF(wordOrder: 2).Sentence("a b c", "abc") < 100);
        Assert.Equal("chrF2++|nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no", new ChrF(wordOrder: 2).Signature);
        Assert.Equal("chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no", new ChrF().Signature);
    }

    [Fact]
    public void Corpus_scores_sum_statistics_rather_than_average_sentence_scores()
    {
        var segments = new[] { ("abc", "abd"), ("abcdefgh", "abcdefgh") };
        var corpus = new ChrF().Corpus(segments);
        var average = segments.Average(s => new ChrF().Sentence(s.Item1, s.Item2));

        Assert.NotEqual(average, corpus, 3);
        Assert.InRange(corpus, 38.889, 100);
    }
}

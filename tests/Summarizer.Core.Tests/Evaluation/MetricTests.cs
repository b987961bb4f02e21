using Summarizer.Core.Evaluation;

namespace Summarizer.Core.Tests.Evaluation;

/// <summary>chrF and chrF++ on examples computed by hand (sacreBLEU definitions).</summary>
public class MetricTests
{
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

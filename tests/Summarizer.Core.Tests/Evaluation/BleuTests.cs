using Summarizer.Core.Evaluation;

namespace Summarizer.Core.Tests.Evaluation;

/// <summary>
/// BLEU against values derived by hand from sacreBLEU 2.6.0's definitions (BLEU(): 13a, exp smoothing, no effective
/// order). Statistics are summed over segments: per order n = 1..4, matches (clipped) over hypothesis n-grams; a zero
/// match count takes 100/(2^k·total) for the k-th such order; BLEU = BP·exp(mean log p_n), BP = exp(1 - ref/hyp) when
/// hyp &lt; ref; 0 when nothing matches or an order has no hypothesis n-gram.
/// </summary>
public class BleuTests
{
    private const double Exact = 0.00005;

    [Fact]
    public void A_one_word_substitution_is_the_geometric_mean_of_clipped_precisions()
    {
        // 1-grams 5/6 ("the" clipped to 1), 2-grams 3/5, 3-grams 2/4, 4-grams 1/3, equal lengths so BP = 1:
        // 100·(5/6 · 3/5 · 1/2 · 1/3)^(1/4) = 53.7285.
        Assert.Equal(53.728497, Bleu.Sentence("the cat sat on the mat", "the cat sat on a mat"), Exact);
    }

    [Fact]
    public void An_identical_segment_scores_100_and_a_short_one_takes_the_brevity_penalty()
    {
        Assert.Equal(100, Bleu.Sentence("The minister visited Erbil on Monday.", "The minister visited Erbil on Monday."), Exact);

        // All n-grams of the 5-token hypothesis match; the reference has 6 tokens: BP = exp(1 - 6/5) = 81.8731.
        Assert.Equal(81.873075, Bleu.Sentence("a b c d e", "a b c d e f"), Exact);
    }

    [Fact]
    public void A_missing_order_is_smoothed_exponentially()
    {
        // "a b c d" vs "a b x d": 1-grams 3/4 → 75, 2-grams 1/3 → 33.33, 3-grams 0/2 → 100/(2·2) = 25,
        // 4-grams 0/1 → 100/(4·1) = 25; (75 · 33.33 · 25 · 25)^(1/4) = 1562500^(1/4) = 35.3553.
        Assert.Equal(35.355339, Bleu.Sentence("a b c d", "a b x d"), Exact);
    }

    [Fact]
    public void Nothing_matching_scores_0_rather_than_a_smoothed_score()
    {
        // Matches 0/4, 0/3, 0/2, 0/1: sacreBLEU returns 0 before smoothing (smoothing all four would give 7.99).
        Assert.Equal(0, Bleu.Sentence("a b c d", "e f g h"), Exact);
    }

    [Fact]
    public void Tabs_and_no_break_spaces_separate_tokens()
    {
        // "a\tb\u00A0c d" is the 4 tokens a b c d, as the reference: 4/4, 3/3, 2/2, 1/1, BP = 1 → 100
        // (splitting on ' ' alone would make "a\tb\u00A0c" one token and score 0).
        Assert.Equal(100, Bleu.Sentence("a\tb\u00A0c d", "a b c d"), Exact);
    }

    [Fact]
    public void Ascii_symbols_are_split_off_and_unicode_punctuation_is_not()
    {
        // "x=1+2<3" tokenises to x = 1 + 2 < 3 like the reference: 7/7, 6/6, 5/5, 4/4 → 100.
        Assert.Equal(100, Bleu.Sentence("x=1+2<3", "x = 1 + 2 < 3"), Exact);

        // "«a» b c d" keeps the token «a»: 1-grams 3/4, 2-grams 2/3, 3-grams 1/2, 4-grams 0/1 → 100/(2·1) = 50;
        // (75 · 66.67 · 50 · 50)^(1/4) = 12500000^(1/4) = 59.4604.
        Assert.Equal(59.460356, Bleu.Sentence("«a» b c d", "a b c d"), Exact);
    }

    [Fact]
    public void Without_effective_order_a_segment_under_four_tokens_scores_0_but_counts_in_a_corpus()
    {
        // "a" vs "a": 1-grams 1/1 but no 2-, 3- or 4-grams; the log of their precision 0 is floored, so BLEU = 0.
        Assert.Equal(0, Bleu.Sentence("a", "a"), Exact);

        // With ("b c d e","b c d e"): 5/5, 3/3, 2/2, 1/1 and lengths 5 = 5 → 100.
        Assert.Equal(100, Bleu.Corpus([("a", "a"), ("b c d e", "b c d e")]), Exact);
    }

    [Fact]
    public void A_blank_reference_is_an_empty_reference_that_still_counts_the_hypothesis()
    {
        // ("a b c d","") adds 4, 3, 2, 1 hypothesis n-grams and no matches; with ("a b c d","a b c d"):
        // 4/8, 3/6, 2/4, 1/2 → every precision 50, hypothesis length 8 ≥ reference length 4 → BLEU = 50.
        Assert.Equal(50, Bleu.Corpus([("a b c d", string.Empty), ("a b c d", "a b c d")]), Exact);
    }

    [Fact]
    public void An_empty_hypothesis_scores_0_and_lengthens_only_the_reference_in_a_corpus()
    {
        Assert.Equal(0, Bleu.Sentence(string.Empty, "a b c d"), Exact);

        // ("","a b c d") adds 4 reference tokens: precisions 4/4, 3/3, 2/2, 1/1, BP = exp(1 - 8/4) = e^-1 → 36.7879.
        Assert.Equal(36.787944, Bleu.Corpus([(string.Empty, "a b c d"), ("a b c d", "a b c d")]), Exact);
    }

    [Fact]
    public void The_signature_is_sacreBLEUs()
    {
        Assert.Equal("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0", Bleu.Signature);
    }
}

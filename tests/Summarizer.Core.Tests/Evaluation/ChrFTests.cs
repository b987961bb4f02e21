using Summarizer.Core.Evaluation;

namespace Summarizer.Core.Tests.Evaluation;

/// <summary>
/// chrF2 and chrF2++ against values derived by hand from sacreBLEU 2.6.0's definitions (CHRF(), CHRF(word_order=2)).
/// Per order the statistics are (hypothesis n-grams, reference n-grams, matches); an order counts towards the averages
/// only when both sides have n-grams of it, and then P = mean(match/hyp), R = mean(match/ref), F2 = 100·5PR/(4P+R).
/// </summary>
public class ChrFTests
{
    private const double Exact = 0.00005;

    private readonly ChrF chrF = new();
    private readonly ChrF chrFPlusPlus = new(wordOrder: 2);

    [Fact]
    public void One_changed_character_averages_precision_and_recall_over_the_orders_both_sides_have()
    {
        // "abc" vs "abd": c1 (3,3,2), c2 (2,2,1), c3 (1,1,0); orders 4-6 have no n-grams.
        // P = R = (2/3 + 1/2 + 0)/3 = 0.388889, F2 = 38.8889.
        Assert.Equal(38.888889, chrF.Sentence("abc", "abd"), Exact);
    }

    [Fact]
    public void A_reference_shorter_than_six_characters_counts_no_hypothesis_n_grams_of_the_orders_it_lacks()
    {
        // Sentence: "abcdefg" vs "abc": c1 (7,3,3), c2 (6,2,2), c3 (5,1,1), c4-6 (0,0,0).
        // P = (3/7 + 2/6 + 1/5)/3 = 0.320635, R = 1, F2 = 5P/(4P+1) = 70.2364.
        Assert.Equal(70.236439, chrF.Sentence("abcdefg", "abc"), Exact);

        // Corpus: ("abcdef","ab") gives c1 (6,2,2), c2 (5,1,1) and (0,0,0) for c3-6, not (4,0,0) (3,0,0) (2,0,0) (1,0,0);
        // ("uvwxyz","uvwxyz") gives (7-n,7-n,7-n). Sums: c1 (12,8,8), c2 (10,6,6), c3 (4,4,4), c4 (3,3,3), c5 (2,2,2), c6 (1,1,1).
        // P = (8/12 + 6/10 + 1 + 1 + 1 + 1)/6 = 0.877778, R = 1, F2 = 5P/(4P+1) = 97.2906 (counting them would give 85.66).
        Assert.Equal(97.290640, chrF.Corpus([("abcdef", "ab"), ("uvwxyz", "uvwxyz")]), Exact);
    }

    [Fact]
    public void A_blank_reference_is_an_empty_reference_whose_hypothesis_n_grams_are_not_counted()
    {
        // ("abc","") gives (0,0,0) at every order, so the corpus is ("abc","abc") alone: c1 (3,3,3), c2 (2,2,2), c3 (1,1,1),
        // chrF++ adds w1 (1,1,1); P = R = 1, F2 = 100 (counting the blank line's n-grams would give P = 1/2, F2 = 83.33).
        Assert.Equal(100, chrF.Corpus([("abc", string.Empty), ("abc", "abc")]), Exact);
        Assert.Equal(100, chrFPlusPlus.Corpus([("abc", string.Empty), ("abc", "abc")]), Exact);

        // On its own a blank reference leaves no order with n-grams on both sides: F2 = 0.
        Assert.Equal(0, chrF.Sentence("abc", string.Empty), Exact);
    }

    [Fact]
    public void An_empty_hypothesis_scores_0_and_adds_only_reference_n_grams_to_a_corpus()
    {
        Assert.Equal(0, chrF.Sentence(string.Empty, "abc"), Exact);

        // ("","abc") gives c1 (0,3,0), c2 (0,2,0), c3 (0,1,0); with ("abc","abc"): c1 (3,6,3), c2 (2,4,2), c3 (1,2,1).
        // P = 1, R = 1/2, F2 = 5·1·0.5/(4·1 + 0.5) = 55.5556.
        Assert.Equal(55.555556, chrF.Corpus([(string.Empty, "abc"), ("abc", "abc")]), Exact);
    }

    [Fact]
    public void Astral_plane_characters_are_one_character_each()
    {
        // Python counts code points: "😀😀" vs "😀" gives c1 (2,1,1) and nothing else; P = 1/2, R = 1, F2 = 83.3333
        // (UTF-16 code units would give c1 (4,2,2), c2 (3,1,1) and 78.125).
        Assert.Equal(83.333333, chrF.Sentence("😀😀", "😀"), Exact);

        // "𝑥𝑦" vs "𝑥𝑧" (U+1D465..7, one high surrogate shared): c1 (2,2,1), c2 (1,1,0); P = R = 1/4, F2 = 25.
        Assert.Equal(25, chrF.Sentence("𝑥𝑦", "𝑥𝑧"), Exact);
    }

    [Fact]
    public void White_space_is_what_python_calls_white_space()
    {
        // Tab, no-break space and U+001F (a separator Python's str.split() cuts on, .NET does not) are all removed:
        // c1 (4,4,4) .. c4 (1,1,1); F2 = 100.
        Assert.Equal(100, chrF.Sentence("a\tb\u00A0c\u001Fd", "abcd"), Exact);

        // chrF++ splits words on them too: "ab\u001Fcd" vs "ab cd" gives w1 (2,2,2), w2 (1,1,1) beside c1-c4; F2 = 100.
        Assert.Equal(100, chrFPlusPlus.Sentence("ab\u001Fcd", "ab cd"), Exact);
        Assert.Equal(100, chrFPlusPlus.Sentence("a\u00A0b", "a b"), Exact);
    }

    [Fact]
    public void ChrF_plus_plus_splits_only_ascii_punctuation_off_a_word()
    {
        // "a،" vs "a": the Arabic comma is not in string.punctuation, so the hypothesis word stays "a،".
        // c1 (2,1,1), w1 (1,1,0), w2 (0,0,0): P = (1/2 + 0)/2 = 1/4, R = (1 + 0)/2 = 1/2, F2 = 5·(1/8)/(1 + 1/2) = 41.6667.
        Assert.Equal(41.666667, chrFPlusPlus.Sentence("a،", "a"), Exact);

        // "$5" vs "5": '$' is in string.punctuation (though not Unicode punctuation), so the words are "$" and "5".
        // c1 (2,1,1), w1 (2,1,1), w2: the reference has no bigram, (0,0,0). P = (1/2 + 1/2)/2 = 1/2, R = 1, F2 = 83.3333.
        Assert.Equal(83.333333, chrFPlusPlus.Sentence("$5", "5"), Exact);
    }

    [Fact]
    public void ChrF_plus_plus_keeps_unicode_quotes_and_ellipses_inside_words()
    {
        // "«Yes,» he said…" vs "“Yes,” he said.": 13 code points each without white space.
        // c1 (13,13,10) Y e e s s , h a i d; c2 (12,12,8) Ye es es s, he sa ai id; c3 (11,11,6) Yes es, hes esa sai aid;
        // c4 (10,10,4) Yes, hesa esai said; c5 (9,9,2) hesai esaid; c6 (8,8,1) hesaid.
        // Words: hypothesis «Yes,» he said… (nothing split: », « and … are not ASCII), reference “Yes,” he said . :
        // w1 (3,4,1) "he"; w2 (2,3,0).
        // P = (10/13 + 8/12 + 6/11 + 4/10 + 2/9 + 1/8 + 1/3 + 0)/8 = 0.382738,
        // R = (10/13 + 8/12 + 6/11 + 4/10 + 2/9 + 1/8 + 1/4 + 0)/8 = 0.372322, F2 = 100·5PR/(4P+R) = 37.4360.
        Assert.Equal(37.435950, chrFPlusPlus.Sentence("«Yes,» he said…", "“Yes,” he said."), Exact);
    }

    [Fact]
    public void A_one_word_reference_counts_no_hypothesis_word_bigrams_in_a_corpus()
    {
        // ("The cat.","cat"): c1 (7,3,3), c2 (6,2,2), c3 (5,1,1), c4-6 (0,0,0); words The cat . vs cat: w1 (3,1,1), w2 (0,0,0).
        // ("a dog","a dog"): c1 (4,4,4), c2 (3,3,3), c3 (2,2,2), c4 (1,1,1), w1 (2,2,2), w2 (1,1,1).
        // Sums: c1 (11,7,7), c2 (9,5,5), c3 (7,3,3), c4 (1,1,1), w1 (5,3,3), w2 (1,1,1).
        // P = (7/11 + 5/9 + 3/7 + 1 + 3/5 + 1)/6 = 0.703415, R = 1, F2 = 5P/(4P+1) = 92.2231.
        Assert.Equal(92.223091, chrFPlusPlus.Corpus([("The cat.", "cat"), ("a dog", "a dog")]), Exact);
    }

    [Fact]
    public void White_space_alone_does_not_change_chrF_but_changes_the_words_of_chrF_plus_plus()
    {
        Assert.Equal(100, chrF.Sentence("a b c", "abc"), Exact);
        Assert.True(chrFPlusPlus.Sentence("a b c", "abc") < 100);
    }

    [Fact]
    public void Corpus_scores_sum_statistics_rather_than_average_sentence_scores()
    {
        var segments = new[] { ("abc", "abd"), ("abcdefgh", "abcdefgh") };

        Assert.NotEqual(segments.Average(s => chrF.Sentence(s.Item1, s.Item2)), chrF.Corpus(segments), 3);
    }

    [Fact]
    public void Names_and_signatures_are_sacreBLEUs()
    {
        Assert.Equal("chrF2", chrF.Name);
        Assert.Equal("chrF2++", chrFPlusPlus.Name);
        Assert.Equal("nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0", chrF.Signature);
        Assert.Equal("nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0", chrFPlusPlus.Signature);
    }
}

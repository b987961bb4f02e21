using System.Globalization;

namespace Summarizer.Core.Evaluation;

/// <summary>
/// chrF exactly as sacreBLEU's <c>CHRF()</c> computes it: character n-grams of orders 1..6 over code points with white
/// space removed (plus word n-grams for chrF++), precision and recall averaged over the orders both sides have, combined
/// as F-beta. Corpus scores add the n-gram statistics of all segments before computing F.
/// </summary>
public sealed class ChrF(int charOrder = 6, int wordOrder = 0, int beta = 2)
{
    // string.punctuation: sacreBLEU separates only these from a word's ends, so “ ” « » ، ؟ … stay part of the word.
    private const string AsciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /// <summary>Gets sacreBLEU's name of the metric: <c>chrF2</c>, and one <c>+</c> per word order (<c>chrF2++</c>).</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"chrF{beta}") + new string('+', wordOrder);

    /// <summary>Gets sacreBLEU's signature, e.g. <c>nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0</c>.</summary>
    public string Signature => string.Create(CultureInfo.InvariantCulture, $"nrefs:1|case:mixed|eff:yes|nc:{charOrder}|nw:{wordOrder}|space:no|version:{SacreBleu.Version}");

    /// <summary>Scores one hypothesis against one reference (0..100).</summary>
    public double Sentence(string hypothesis, string reference) => Score(Statistics(hypothesis, reference));

    /// <summary>Scores aligned segments as a corpus (0..100); a blank reference is an empty reference, not a missing one.</summary>
    public double Corpus(IEnumerable<(string Hypothesis, string Reference)> segments)
    {
        var total = new long[3 * (charOrder + wordOrder)];
        foreach (var (hypothesis, reference) in segments)
        {
            var stats = Statistics(hypothesis, reference);
            for (var i = 0; i < total.Length; i++)
            {
                total[i] += stats[i];
            }
        }

        return Score(total);
    }

    /// <summary>Per order: hypothesis n-grams, reference n-grams, matches (clipped); characters first, then words.</summary>
    /// <remarks>
    /// An order the reference has no n-gram of counts no hypothesis n-grams either, as in sacreBLEU, so a short or blank
    /// reference does not lower the corpus precision.
    /// </remarks>
    public long[] Statistics(string hypothesis, string reference)
    {
        var stats = new long[3 * (charOrder + wordOrder)];
        var hypothesisChars = SacreBleuText.CodePoints(SacreBleuText.RemoveWhiteSpace(hypothesis));
        var referenceChars = SacreBleuText.CodePoints(SacreBleuText.RemoveWhiteSpace(reference));
        for (var n = 1; n <= charOrder; n++)
        {
            Fill(stats, n - 1, NGrams.Match(NGrams.Count(hypothesisChars, n, string.Empty), NGrams.Count(referenceChars, n, string.Empty)));
        }

        if (wordOrder > 0)
        {
            var hypothesisWords = Words(hypothesis);
            var referenceWords = Words(reference);
            for (var n = 1; n <= wordOrder; n++)
            {
                Fill(stats, charOrder + n - 1, NGrams.Match(NGrams.Count(hypothesisWords, n, " "), NGrams.Count(referenceWords, n, " ")));
            }
        }

        return stats;
    }

    private static void Fill(long[] stats, int order, NGramMatch match)
    {
        stats[3 * order] = match.Reference > 0 ? match.Hypothesis : 0;
        stats[(3 * order) + 1] = match.Reference;
        stats[(3 * order) + 2] = match.Matched;
    }

    private double Score(long[] stats)
    {
        var factor = beta * beta;
        double precision = 0, recall = 0;
        var effectiveOrder = 0;
        for (var i = 0; i < charOrder + wordOrder; i++)
        {
            var (hypothesis, reference, matched) = (stats[3 * i], stats[(3 * i) + 1], stats[(3 * i) + 2]);

            // eff:yes — an order counts only when both sides have n-grams of it; sacreBLEU's epsilon never enters the mean.
            if (hypothesis > 0 && reference > 0)
            {
                precision += (double)matched / hypothesis;
                recall += (double)matched / reference;
                effectiveOrder++;
            }
        }

        if (effectiveOrder == 0)
        {
            return 0;
        }

        precision /= effectiveOrder;
        recall /= effectiveOrder;
        return precision + recall == 0 ? 0 : 100 * ((1 + factor) * precision * recall / ((factor * precision) + recall));
    }

    /// <summary>
    /// chrF++'s words: the text split on white space, then one ASCII punctuation mark split off the end of a word of two or
    /// more code points, or else off its start (so "(hi)" gives "(hi" and ")", as in sacreBLEU).
    /// </summary>
    private static string[] Words(string text)
    {
        var words = new List<string>();
        foreach (var word in SacreBleuText.Split(text))
        {
            // Python's len() counts code points: a lone emoji is one character and stays whole.
            if (word.Length == 1 || (word.Length == 2 && char.IsSurrogatePair(word, 0)))
            {
                words.Add(word);
            }
            else if (AsciiPunctuation.Contains(word[^1], StringComparison.Ordinal))
            {
                words.Add(word[..^1]);
                words.Add(word[^1..]);
            }
            else if (AsciiPunctuation.Contains(word[0], StringComparison.Ordinal))
            {
                words.Add(word[..1]);
                words.Add(word[1..]);
            }
            else
            {
                words.Add(word);
            }
        }

        return [.. words];
    }
}

namespace Summarizer.Core.Evaluation;

/// <summary>
/// chrF as sacreBLEU defines it: character n-grams of orders 1..6 with white space removed (plus word n-grams for
/// chrF++), precision and recall averaged over the orders that occur, combined as F-beta with beta = 2.
/// Corpus scores add the n-gram statistics of all segments before computing F, as sacreBLEU does.
/// </summary>
public sealed class ChrF(int charOrder = 6, int wordOrder = 0, double beta = 2)
{
    /// <summary>Gets the sacreBLEU-style name of the metric, e.g. <c>chrF2</c> or <c>chrF2++</c>.</summary>
    public string Name => "chrF" + beta.ToString(System.Globalization.CultureInfo.InvariantCulture) + (wordOrder == 2 ? "++" : wordOrder > 0 ? "+" : string.Empty);

    /// <summary>Gets the sacreBLEU-style signature, e.g. <c>chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no</c>.</summary>
    public string Signature => $"{Name}|nrefs:1|case:mixed|eff:yes|nc:{charOrder}|nw:{wordOrder}|space:no";

    /// <summary>Scores one hypothesis against one reference (0..100).</summary>
    public double Sentence(string hypothesis, string reference) => Score(Statistics(hypothesis, reference));

    /// <summary>Scores aligned segments as a corpus (0..100).</summary>
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
    public long[] Statistics(string hypothesis, string reference)
    {
        var stats = new long[3 * (charOrder + wordOrder)];
        var hypChars = RemoveWhitespace(hypothesis);
        var refChars = RemoveWhitespace(reference);
        for (var n = 1; n <= charOrder; n++)
        {
            Fill(stats, n - 1, CharGrams(hypChars, n), CharGrams(refChars, n));
        }

        if (wordOrder > 0)
        {
            var hypWords = Words(hypothesis);
            var refWords = Words(reference);
            for (var n = 1; n <= wordOrder; n++)
            {
                Fill(stats, charOrder + n - 1, WordGrams(hypWords, n), WordGrams(refWords, n));
            }
        }

        return stats;
    }

    private double Score(long[] stats)
    {
        const double epsilon = 1e-16;
        var factor = beta * beta;
        double precision = 0, recall = 0;
        var effectiveOrder = 0;
        for (var i = 0; i < charOrder + wordOrder; i++)
        {
            var (hyp, reference, match) = (stats[3 * i], stats[(3 * i) + 1], stats[(3 * i) + 2]);
            precision += hyp > 0 ? (double)match / hyp : epsilon;
            recall += reference > 0 ? (double)match / reference : epsilon;
            if (hyp > 0 && reference > 0)
            {
                effectiveOrder++;
            }
        }

        if (effectiveOrder == 0)
        {
            return 0;
        }

        precision /= effectiveOrder;
        recall /= effectiveOrder;
        return precision + recall == 0 ? 0 : 100 * (1 + factor) * precision * recall / ((factor * precision) + recall);
    }

    private static void Fill(long[] stats, int order, Dictionary<string, int> hypothesis, Dictionary<string, int> reference)
    {
        stats[3 * order] = hypothesis.Values.Sum();
        stats[(3 * order) + 1] = reference.Values.Sum();
        stats[(3 * order) + 2] = hypothesis.Sum(g => Math.Min(g.Value, reference.GetValueOrDefault(g.Key)));
    }

    private static string RemoveWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static Dictionary<string, int> CharGrams(string text, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= text.Length; i++)
        {
            var gram = text.Substring(i, n);
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }

    /// <summary>sacreBLEU splits words on white space and separates punctuation at either end of a word.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Length > 1 && char.IsPunctuation(token[^1]))
            {
                words.Add(token[..^1]);
                words.Add(token[^1..]);
            }
            else if (token.Length > 1 && char.IsPunctuation(token[0]))
            {
                words.Add(token[..1]);
                words.Add(token[1..]);
            }
            else
            {
                words.Add(token);
            }
        }

        return words;
    }

    private static Dictionary<string, int> WordGrams(List<string> words, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= words.Count; i++)
        {
            var gram = string.Join(' ', words.Skip(i).Take(n));
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }
}

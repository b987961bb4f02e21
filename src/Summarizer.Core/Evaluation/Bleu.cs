namespace Summarizer.Core.Evaluation;

/// <summary>
/// BLEU exactly as sacreBLEU's <c>BLEU()</c> computes it: 13a tokenisation, n-grams up to 4 clipped and summed over the
/// corpus, the brevity penalty, "exp" smoothing for orders without a match, no effective order.
/// </summary>
public static class Bleu
{
    private const int MaxOrder = 4;

    /// <summary>Gets sacreBLEU's signature of this configuration.</summary>
    public const string Signature = $"nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:{SacreBleu.Version}";

    /// <summary>Scores one segment (0..100) as <c>BLEU().sentence_score</c> does.</summary>
    /// <remarks>
    /// Effective order stays off, as the signature says, so a segment under four tokens scores 0; sacreBLEU's
    /// <c>sentence_bleu()</c> function turns it on and would not.
    /// </remarks>
    public static double Sentence(string hypothesis, string reference) => Corpus([(hypothesis, reference)]);

    /// <summary>Scores aligned segments as a corpus (0..100); a blank reference is an empty reference, not a missing one.</summary>
    public static double Corpus(IEnumerable<(string Hypothesis, string Reference)> segments)
    {
        var matches = new long[MaxOrder];
        var totals = new long[MaxOrder];
        long hypothesisLength = 0, referenceLength = 0;
        foreach (var (hypothesis, reference) in segments)
        {
            var hypothesisTokens = Tokenizer13a.Tokenize(hypothesis);
            var referenceTokens = Tokenizer13a.Tokenize(reference);
            hypothesisLength += hypothesisTokens.Length;
            referenceLength += referenceTokens.Length;
            for (var n = 1; n <= MaxOrder; n++)
            {
                // Unlike chrF, BLEU counts every hypothesis n-gram, whether or not the reference has any of that order.
                var match = NGrams.Match(NGrams.Count(hypothesisTokens, n, " "), NGrams.Count(referenceTokens, n, " "));
                totals[n - 1] += match.Hypothesis;
                matches[n - 1] += match.Matched;
            }
        }

        return Score(matches, totals, hypothesisLength, referenceLength);
    }

    private static double Score(long[] matches, long[] totals, long hypothesisLength, long referenceLength)
    {
        // sacreBLEU stops at 0 when nothing matches at all, before smoothing could lend the orders a precision.
        if (matches.All(m => m == 0))
        {
            return 0;
        }

        double logSum = 0, smooth = 1;
        for (var n = 0; n < MaxOrder; n++)
        {
            // An order with no n-grams has precision 0; sacreBLEU floors its log at -9999999999, which makes the score 0.
            if (totals[n] == 0)
            {
                return 0;
            }

            double precision;
            if (matches[n] == 0)
            {
                smooth *= 2;
                precision = 100.0 / (smooth * totals[n]);
            }
            else
            {
                precision = 100.0 * matches[n] / totals[n];
            }

            logSum += Math.Log(precision);
        }

        var brevity = hypothesisLength < referenceLength ? Math.Exp(1 - ((double)referenceLength / hypothesisLength)) : 1;
        return brevity * Math.Exp(logSum / MaxOrder);
    }
}

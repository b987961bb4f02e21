using System.Text.RegularExpressions;

namespace Summarizer.Core.Evaluation;

/// <summary>
/// BLEU as sacreBLEU computes it by default: 13a tokenisation, n-grams up to 4, clipped counts summed over the corpus,
/// brevity penalty, and "exp" smoothing for orders without a match. Signature: <c>BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp</c>.
/// </summary>
public static partial class Bleu
{
    private const int MaxOrder = 4;

    /// <summary>Gets the sacreBLEU-style signature of this configuration.</summary>
    public const string Signature = "BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp";

    /// <summary>Scores one segment (0..100).</summary>
    public static double Sentence(string hypothesis, string reference) => Corpus([(hypothesis, reference)]);

    /// <summary>Scores aligned segments as a corpus (0..100).</summary>
    public static double Corpus(IEnumerable<(string Hypothesis, string Reference)> segments)
    {
        var matches = new long[MaxOrder];
        var totals = new long[MaxOrder];
        long hypothesisLength = 0, referenceLength = 0;
        foreach (var (hypothesis, reference) in segments)
        {
            var hyp = Tokenize13a(hypothesis);
            var refTokens = Tokenize13a(reference);
            hypothesisLength += hyp.Count;
            referenceLength += refTokens.Count;
            for (var n = 1; n <= MaxOrder; n++)
            {
                var hypGrams = Grams(hyp, n);
                var refGrams = Grams(refTokens, n);
                totals[n - 1] += Math.Max(0, hyp.Count - n + 1);
                matches[n - 1] += hypGrams.Sum(g => Math.Min(g.Value, refGrams.GetValueOrDefault(g.Key)));
            }
        }

        if (hypothesisLength == 0)
        {
            return 0;
        }

        double logSum = 0, smooth = 1;
        for (var n = 0; n < MaxOrder; n++)
        {
            double precision;
            if (totals[n] == 0)
            {
                return 0;
            }

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

        var brevity = hypothesisLength >= referenceLength ? 1 : Math.Exp(1 - ((double)referenceLength / hypothesisLength));
        return brevity * Math.Exp(logSum / MaxOrder);
    }

    /// <summary>The 13a tokeniser (mteval-v13a): punctuation split off, except dots and commas inside numbers.</summary>
    public static List<string> Tokenize13a(string text)
    {
        var line = text.Replace("<skipped>", string.Empty, StringComparison.Ordinal).Replace("-\n", string.Empty, StringComparison.Ordinal).Replace('\n', ' ');
        if (line.Contains('&', StringComparison.Ordinal))
        {
            line = line.Replace("&quot;", "\"", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal)
                .Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal);
        }

        line = $" {line} ";
        line = Symbols().Replace(line, " $1 ");
        line = DotCommaAfterNonDigit().Replace(line, "$1 $2 ");
        line = DotCommaBeforeNonDigit().Replace(line, " $1 $2");
        line = DashAfterDigit().Replace(line, "$1 $2 ");
        return line.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private static Dictionary<string, int> Grams(List<string> tokens, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = string.Join('\u0001', tokens.Skip(i).Take(n));
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }

    [GeneratedRegex(@"([\{-\~\[-\` -\&\(-\+\:-\@\/])")]
    private static partial Regex Symbols();

    [GeneratedRegex(@"([^0-9])([\.,])")]
    private static partial Regex DotCommaAfterNonDigit();

    [GeneratedRegex(@"([\.,])([^0-9])")]
    private static partial Regex DotCommaBeforeNonDigit();

    [GeneratedRegex(@"([0-9])(-)")]
    private static partial Regex DashAfterDigit();
}

namespace Summarizer.Core.Evaluation;

/// <summary>
/// Counts n-grams over a sequence of units — code points for chrF's character n-grams, words for chrF++ and tokens for
/// BLEU — and matches a hypothesis's counts against a reference's with clipping.
/// </summary>
internal static class NGrams
{
    /// <summary>Counts the n-grams of one order; an n-gram is its units joined by <paramref name="separator"/>.</summary>
    /// <remarks>
    /// Joining is unambiguous for one order: code points joined with nothing decode back to the same code points, and
    /// words or tokens never contain the space that joins them.
    /// </remarks>
    public static Dictionary<string, int> Count(string[] units, int n, string separator)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= units.Length; i++)
        {
            var gram = string.Join(separator, units, i, n);
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }

    /// <summary>Counts the hypothesis's n-grams, the reference's, and the hypothesis's that the reference holds (clipped).</summary>
    public static NGramMatch Match(Dictionary<string, int> hypothesis, Dictionary<string, int> reference)
    {
        long hypothesisCount = 0, matched = 0;
        foreach (var (gram, count) in hypothesis)
        {
            hypothesisCount += count;
            matched += Math.Min(count, reference.GetValueOrDefault(gram));
        }

        return new NGramMatch(hypothesisCount, reference.Values.Sum(), matched);
    }
}

using System.Text;
using System.Text.RegularExpressions;
using Summarizer.Core.Ingest;

namespace Summarizer.Core.Quality;

/// <summary>
/// Reduces a name to its consonant skeleton, in Arabic script or in Latin transliteration, so that "قاسم الأعرجي",
/// "Qasim al-Araji" and "Qassim al-Aaraji" all become <c>ksmrj</c>. Vowels, ʿayn, hamza, doubled letters and the
/// article are dropped and letters that transliterations swap (q/k/c/g, p/b, v/f) fall together. It finds which Arabic
/// words an English name renders; it is not a transliteration.
/// </summary>
public static partial class NameTransliteration
{
    /// <summary>The article in a Latin transliteration: al-, el-, or assimilated to a sun letter (ash-Shaibani, ad-Dawla).</summary>
    internal const string LatinArticle = "(?:al|el|a[dnrstz]h?)-";

    private static readonly (string Latin, char Class)[] Digraphs = [("sh", 'S'), ("kh", 'x'), ("gh", 'G'), ("th", 's'), ("dh", 'z'), ("ph", 'f')];

    /// <summary>Gets the skeleton of a Latin-script name word ("al-Araji's" → <c>rj</c>).</summary>
    public static string Latin(string word)
    {
        var text = word.ToLowerInvariant().Replace('’', '\'');
        if (text.EndsWith("'s", StringComparison.Ordinal))
        {
            text = text[..^2];
        }

        text = StripLatinArticle(text);
        var skeleton = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var digraph = Array.FindIndex(Digraphs, d => string.CompareOrdinal(text, i, d.Latin, 0, 2) == 0);
            if (digraph >= 0)
            {
                Add(skeleton, Digraphs[digraph].Class);
                i++;
                continue;
            }

            var c = text[i] switch
            {
                'q' or 'k' or 'c' or 'g' => 'k',
                'p' or 'b' => 'b',
                'v' or 'f' => 'f',
                'a' or 'e' or 'i' or 'o' or 'u' or 'w' or 'y' => '\0',
                var letter when letter is >= 'a' and <= 'z' => letter,
                _ => '\0',
            };
            Add(skeleton, c);
        }

        return skeleton.ToString();
    }

    /// <summary>
    /// Gets the readings of an Arabic word, each with its skeleton: without an attached conjunction or preposition and
    /// article ("والموصل" → "موصل"), without the article only, and as written, since "فالكونر" (Falconer) only looks
    /// like ف + ال. Taa marbuta is dropped: "البيشمركة" → <c>bSmrk</c>, as Peshmerga.
    /// </summary>
    public static IReadOnlyList<(string Form, string Skeleton)> Arabic(string word)
    {
        var folded = ArabicScript.FoldForMatching(word.Replace("ة", string.Empty, StringComparison.Ordinal));
        var readings = new List<(string, string)>(3);
        foreach (var form in new[] { WithoutProclitics(folded), WithoutArticleOnly(folded), folded }.Distinct(StringComparer.Ordinal))
        {
            readings.Add((form, Skeleton(form)));
        }

        return readings;
    }

    /// <summary>
    /// Gets an Arabic word folded for matching, without the attached conjunction or preposition and article
    /// ("والموصل", "بالموصل", "للموصل" → "موصل"); a word without the article keeps its first letter.
    /// </summary>
    public static string WithoutArticle(string word) => WithoutProclitics(ArabicScript.FoldForMatching(word));

    private static string WithoutProclitics(string folded)
    {
        if (folded.Length > 4 && folded.StartsWith("لل", StringComparison.Ordinal))
        {
            return folded[2..];
        }

        if (folded.Length > 4 && "وفبكل".Contains(folded[0], StringComparison.Ordinal) && folded.AsSpan(1).StartsWith("ال", StringComparison.Ordinal))
        {
            return folded[3..];
        }

        return WithoutArticleOnly(folded);
    }

    private static string WithoutArticleOnly(string folded) =>
        folded.Length > 3 && folded.StartsWith("ال", StringComparison.Ordinal) ? folded[2..] : folded;

    private static string Skeleton(string folded)
    {
        var skeleton = new StringBuilder(folded.Length);
        foreach (var letter in folded)
        {
            Add(skeleton, letter switch
            {
                'ب' or 'پ' => 'b',
                'ت' or 'ط' => 't',
                'ث' or 'س' or 'ص' => 's',
                'ج' => 'j',
                'ح' or 'ه' => 'h',
                'خ' => 'x',
                'د' or 'ض' => 'd',
                'ذ' or 'ظ' or 'ز' => 'z',
                'ر' => 'r',
                'ش' or 'چ' => 'S',
                'غ' => 'G',
                'ف' or 'ڤ' => 'f',
                'ق' or 'ك' or 'گ' or 'ک' => 'k',
                'ل' => 'l',
                'م' => 'm',
                'ن' => 'n',
                _ => '\0',
            });
        }

        return skeleton.ToString();
    }

    // abu- and bin- are part of a name and stay.
    private static string StripLatinArticle(string text) => LeadingLatinArticle().Replace(text, string.Empty);

    private static void Add(StringBuilder skeleton, char c)
    {
        // Doubled consonants (Sajjan) are one letter in Arabic script (سجان: shadda is rarely written).
        if (c != '\0' && (skeleton.Length == 0 || skeleton[^1] != c))
        {
            skeleton.Append(c);
        }
    }

    [GeneratedRegex("^" + LatinArticle + @"(?=\p{L})")]
    private static partial Regex LeadingLatinArticle();
}

using Summarizer.Core.Outputs;
using System.Text.RegularExpressions;

namespace Summarizer.Core.Quality;

/// <summary>
/// Finds one Arabic name rendered two ways across chunks or articles ("Qasim al-Araji" here, "Qassim al-Aaraji" there).
/// In each sentence pair, capitalised English names are matched to the Arabic words with the same consonant skeleton
/// (<see cref="NameTransliteration"/>); an Arabic name whose renderings differ gets a warning on every sentence that
/// departs from its most common rendering (a note when only the article al- differs).
/// <para>
/// Renderings people chose are the reference: when some sentences' English came from the translation memory or a
/// reviewer (their <c>origin</c>), a name they render is expected as they render it (their most common rendering),
/// even where the model's other rendering is in the majority.
/// </para>
/// </summary>
public static partial class NameVariants
{
    /// <summary>The check's code in QA findings.</summary>
    public const string Code = "name_variant";

    // A name must carry three consonants to be matched on its own ("Yemen" and "Amman" are both mn, like the word من);
    // inside a longer name matched word for word, two are enough (al-Araji is rj).
    private const int MinimumSkeleton = 3;
    private const int MinimumWordInName = 2;
    private const int MaximumWords = 4;

    // Frequent Arabic words with three consonants that are never names but could share a skeleton with one.
    private static readonly HashSet<string> NotNames = new(
        ["قبل", "منذ", "لكن", "عندما", "بينما", "كانت", "قالت", "هناك", "اكثر", "بسبب", "ضمن", "تحت", "حسب", "بعض", "جميع", "عدد", "الذي", "التي", "الذين", "مصدر", "مصادر"],
        StringComparer.Ordinal);

    /// <summary>Runs the check over every translated sentence of a job.</summary>
    public static IEnumerable<QaFinding> Check(IEnumerable<(string Article, string Id, string Ar, string En)> sentences) =>
        Check(sentences, new HashSet<(string, string)>());

    /// <summary>Runs the check with the renderings of some sentences (translation memory, reviewers) as the reference.</summary>
    /// <param name="sentences">Every translated sentence of the job.</param>
    /// <param name="reference">The sentences, by article and id, whose English people chose.</param>
    public static IEnumerable<QaFinding> Check(IEnumerable<(string Article, string Id, string Ar, string En)> sentences, IReadOnlySet<(string Article, string Id)> reference)
    {
        var uses = sentences.SelectMany(s => Align(s.Ar, s.En).Select(a => new NameUse(s.Article, s.Id, a.Arabic, a.English))).ToList();
        var variants = new List<(NameUse Use, QaFinding Finding)>();
        foreach (var name in uses.GroupBy(u => u.Arabic, StringComparer.Ordinal))
        {
            // The rendering people chose comes first; among equals, the most common.
            var renderings = name.GroupBy(u => Comparable(u.English), StringComparer.OrdinalIgnoreCase)
                .Select(g => g.DistinctBy(u => (u.Article, u.Id)).ToList())
                .OrderByDescending(r => r.Count(u => reference.Contains((u.Article, u.Id))))
                .ThenByDescending(r => r.Count)
                .ToList();
            if (renderings.Count < 2)
            {
                continue;
            }

            var usual = renderings[0];
            var chosen = usual.Where(u => reference.Contains((u.Article, u.Id))).ToList();
            var shown = chosen.Count > 0 ? chosen : usual;
            var places = string.Join(", ", shown.Take(3).Select(u => $"{u.Article}:{u.Id}")) + (shown.Count > 3 ? ", …" : string.Empty);
            var where = chosen.Count > 0 ? $"the translation memory or a reviewer's English ({chosen.Count} sentence(s): {places})" : $"{usual.Count} other sentence(s): {places}";
            variants.AddRange(renderings.Skip(1).SelectMany(r => r).Select(u => (u, new QaFinding(u.Article, u.Id, Code,
                WithoutArticles(u.English).Equals(WithoutArticles(usual[0].English), StringComparison.OrdinalIgnoreCase) ? Validation.Severities.Note : Validation.Severities.Warning,
                $"{name.Key} is \"{u.English}\" here but \"{shown[0].English}\" in {where}"))));
        }

        // A name matched both whole and word by word ("Qassim al-Aaraji", "Qassim") is reported once, by its longest rendering.
        return variants.GroupBy(v => (v.Use.Article, v.Use.Id))
            .SelectMany(sentence => sentence.Where(v => !sentence.Any(o =>
                o.Use.English.Length > v.Use.English.Length && o.Use.English.Contains(v.Use.English, StringComparison.OrdinalIgnoreCase))))
            .Select(v => v.Finding);
    }

    /// <summary>
    /// Matches the English names of a sentence pair to Arabic words: longest names first, each English and Arabic word
    /// used once; a name of several words matched word for word also yields each word's own match.
    /// </summary>
    public static IReadOnlyList<(string Arabic, string English)> Align(string ar, string en)
    {
        var arabic = ArabicWord().Matches(ar)
            .Select(m => NotNames.Contains(Ingest.ArabicScript.FoldForMatching(m.Value)) ? [] : NameTransliteration.Arabic(m.Value))
            .ToList();
        var spans = ArabicSpans(arabic);
        var candidates = new List<(List<Match> English, ArabicSpan Arabic, double Distance)>();
        foreach (var run in NameRuns(en))
        {
            for (var length = Math.Min(run.Count, MaximumWords); length >= 1; length--)
            {
                for (var start = 0; start + length <= run.Count; start++)
                {
                    var words = run.GetRange(start, length);
                    var skeleton = string.Concat(words.Select(w => NameTransliteration.Latin(w.Value)));
                    if (skeleton.Length >= MinimumSkeleton && spans.TryGetValue(skeleton, out var matches))
                    {
                        // Where a name could match several Arabic words, the one at the nearest relative position wins.
                        var at = (double)words[0].Index / Math.Max(1, en.Length);
                        candidates.AddRange(matches.Select(m => (words, m, Math.Abs(at - ((double)m.Start / Math.Max(1, arabic.Count))))));
                    }
                }
            }
        }

        var usedEnglish = new HashSet<int>();
        var usedArabic = new HashSet<int>();
        var aligned = new List<(string, string)>();
        foreach (var (words, span, _) in candidates.OrderByDescending(c => c.English.Count).ThenBy(c => c.Distance).ThenBy(c => c.English[0].Index))
        {
            var arabicWords = Enumerable.Range(span.Start, span.Forms.Count).ToList();
            if (words.Any(w => usedEnglish.Contains(w.Index)) || arabicWords.Any(usedArabic.Contains))
            {
                continue;
            }

            usedEnglish.UnionWith(words.Select(w => w.Index));
            usedArabic.UnionWith(arabicWords);
            aligned.Add((string.Join(' ', span.Forms), Surface(words)));
            if (words.Count > 1 && words.Count == span.Forms.Count)
            {
                // Each word of a name matched word for word is also a name of its own ("Qasim" of "Qasim al-Araji").
                aligned.AddRange(words
                    .Select((word, i) => (Word: word, Reading: arabic[span.Start + i].FirstOrDefault(r => r.Skeleton.Length >= MinimumWordInName && r.Skeleton == NameTransliteration.Latin(word.Value))))
                    .Where(p => p.Reading.Form is not null)
                    .Select(p => (p.Reading.Form, Surface([p.Word]))));
            }
        }

        return aligned;
    }

    /// <summary>Every run of up to <see cref="MaximumWords"/> Arabic words, in every reading, by skeleton.</summary>
    private static Dictionary<string, List<ArabicSpan>> ArabicSpans(List<IReadOnlyList<(string Form, string Skeleton)>> arabic)
    {
        var spans = new Dictionary<string, List<ArabicSpan>>(StringComparer.Ordinal);
        for (var start = 0; start < arabic.Count; start++)
        {
            var partial = new List<(List<string> Forms, string Skeleton)> { ([], string.Empty) };
            for (var length = 1; length <= MaximumWords && start + length <= arabic.Count; length++)
            {
                partial = partial.SelectMany(p => arabic[start + length - 1].Select(r => (Forms: new List<string>(p.Forms) { r.Form }, Skeleton: p.Skeleton + r.Skeleton))).ToList();
                foreach (var (forms, skeleton) in partial.Where(p => p.Skeleton.Length >= MinimumSkeleton))
                {
                    if (!spans.TryGetValue(skeleton, out var list))
                    {
                        spans[skeleton] = list = [];
                    }

                    list.Add(new ArabicSpan(start, forms));
                }
            }
        }

        return spans;
    }

    /// <summary>Runs of consecutive capitalised words (and <c>al-</c> forms): the places an English name can be.</summary>
    private static List<List<Match>> NameRuns(string en)
    {
        var runs = new List<List<Match>>();
        List<Match>? current = null;
        var previousEnd = 0;
        foreach (Match word in LatinWord().Matches(en))
        {
            var isName = char.IsUpper(word.Value[0]) || ArticleName().IsMatch(word.Value);
            if (!isName)
            {
                current = null;
            }
            else if (current is not null && string.IsNullOrWhiteSpace(en[previousEnd..word.Index]))
            {
                current.Add(word);
            }
            else
            {
                runs.Add(current = [word]);
            }

            previousEnd = word.Index + word.Length;
        }

        return runs;
    }

    /// <summary>
    /// The form renderings are compared in: a demonym ending is dropped, since "وساطة قطر" is rightly "Qatari mediation"
    /// where "أعلنت قطر" is "Qatar announced" (Iraq / Iraqi, Israel / Israeli).
    /// </summary>
    private static string Comparable(string english) => DemonymEnding().Replace(english, string.Empty);

    /// <summary>Drops al- and its assimilated forms: "Ras al-Nakheel" against "Ras Nakheel" is a style choice (a note), not a misspelling.</summary>
    private static string WithoutArticles(string name) => LatinArticle().Replace(name, string.Empty);

    private static string Surface(IEnumerable<Match> words) => string.Join(' ', words.Select(w => PossessiveEnd().Replace(w.Value, string.Empty)));

    private sealed record NameUse(string Article, string Id, string Arabic, string English);

    private sealed record ArabicSpan(int Start, IReadOnlyList<string> Forms);

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}'’\-]*")]
    private static partial Regex LatinWord();

    // Letters, diacritics and tatweel of the Arabic block; digits and punctuation (، ؛ ؟) end a word.
    [GeneratedRegex(@"[\u0620-\u065F\u0670-\u06D3\u06D5]+")]
    private static partial Regex ArabicWord();

    [GeneratedRegex("^" + NameTransliteration.LatinArticle + @"\p{Lu}")]
    private static partial Regex ArticleName();

    [GeneratedRegex(@"\b" + NameTransliteration.LatinArticle, RegexOptions.IgnoreCase)]
    private static partial Regex LatinArticle();

    [GeneratedRegex(@"(?<=\p{L}{3})(?:is|i|ians|ian)$", RegexOptions.IgnoreCase)]
    private static partial Regex DemonymEnding();

    [GeneratedRegex(@"['’]s$")]
    private static partial Regex PossessiveEnd();
}

using System.Text.RegularExpressions;
using Summarizer.Core.Ingest;
using Summarizer.Core.Validation;
using Summarizer.Core.Outputs;

namespace Summarizer.Core.Quality;

/// <summary>
/// Deterministic translation QA, in the spirit of CAT tools' checks: numbers that do not match (Arabic-Indic digits
/// and ألف/مليون/مليار scaled), Arabic script left in the English, empty or untranslated sentences, length-ratio outliers
/// (job mean ± k·sd), one Arabic name rendered two ways (<see cref="NameVariants"/>), repeated words, unbalanced quotes
/// or brackets, plus the flags the job already raised (glossary, content filter, unsupported numbers in claims).
/// </summary>
public static partial class QaChecks
{
    /// <summary>Numbers differ between the Arabic and the English.</summary>
    public const string NumberMismatch = "number_mismatch";

    /// <summary>Arabic letters remain in the English.</summary>
    public const string ArabicInEnglish = "arabic_in_english";

    /// <summary>The translation is empty or the same as the source.</summary>
    public const string Untranslated = "untranslated";

    /// <summary>The English is unusually long or short for its Arabic, compared with the job.</summary>
    public const string LengthRatio = "length_ratio";

    /// <summary>A word is written twice in a row.</summary>
    public const string RepeatedWord = "repeated_word";

    /// <summary>Quotes or brackets do not pair up.</summary>
    public const string Unbalanced = "unbalanced_marks";

    /// <summary>Runs the checks over a job folder's articles, read through the records they were written from.</summary>
    public static QaReport Run(string jobDirectory, double lengthSigmas = 2.5)
    {
        var folder = new JobFolder(jobDirectory);
        return Run(folder.ReadManifest().JobId, folder.ArticleIds().Select(folder.ReadArticle).OfType<WrittenArticle>().ToList(), lengthSigmas);
    }

    /// <summary>Runs the checks over a job's articles (in memory, before or after they are written).</summary>
    public static QaReport Run(string jobId, IReadOnlyList<WrittenArticle> articles, double lengthSigmas = 2.5)
    {
        var ordered = articles.OrderBy(a => a.Translation.Article, StringComparer.Ordinal).ToList();
        var findings = new List<QaFinding>();
        var ratios = new List<(string Article, string Id, double Ratio)>();
        foreach (var article in ordered)
        {
            var articleId = article.Translation.Article;
            foreach (var sentence in article.Translation.Sentences)
            {
                findings.AddRange(Sentence(articleId, sentence.Id, sentence.Ar, sentence.En));
                if (!string.IsNullOrWhiteSpace(sentence.En))
                {
                    ratios.Add((articleId, sentence.Id, (double)sentence.En.Length / Math.Max(1, sentence.Ar.Length)));
                }
            }

            findings.AddRange(RaisedFlags(article));
        }

        findings.AddRange(LengthOutliers(ratios, lengthSigmas));
        findings.AddRange(NameVariants.Check(
            ordered.SelectMany(a => a.Translation.Sentences.Where(s => s.En is not null).Select(s => (a.Translation.Article, s.Id, s.Ar, s.En!))),
            ordered.SelectMany(a => a.Translation.Sentences.Where(s => s.Origin is not null).Select(s => (a.Translation.Article, s.Id))).ToHashSet()));
        return new QaReport(
            jobId,
            findings.Count(f => f.Severity == Severities.Error),
            findings.Count(f => f.Severity == Severities.Warning),
            findings.Count(f => f.Severity == Severities.Note),
            findings.GroupBy(f => f.Check).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            findings);
    }

    /// <summary>The checks of one sentence pair.</summary>
    public static IEnumerable<QaFinding> Sentence(string article, string id, string ar, string? en)
    {
        if (string.IsNullOrWhiteSpace(en))
        {
            yield return new QaFinding(article, id, Untranslated, Severities.Error, "no English");
            yield break;
        }

        if (string.Equals(Normalize(en), Normalize(ar), StringComparison.Ordinal))
        {
            yield return new QaFinding(article, id, Untranslated, Severities.Error, "the English is the Arabic source");
            yield break;
        }

        var (share, letters) = ArabicScript.ArabicLetterShare(en);
        if (letters > 0 && share > 0)
        {
            var sample = string.Concat(en.Where(c => ArabicScript.IsArabicLetter(c) || c == ' ')).Trim();
            yield return new QaFinding(article, id, ArabicInEnglish, Severities.Error, $"Arabic script left in the English: \"{Shorten(sample)}\"");
        }

        var missing = NumberExtractor.Unsupported(ar, [en]);
        var extra = NumberExtractor.Unsupported(en, [ar]);
        if (missing.Count > 0 || extra.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add($"missing in English: {string.Join(", ", missing.Select(n => n.Text))}");
            }

            if (extra.Count > 0)
            {
                parts.Add($"not in the Arabic: {string.Join(", ", extra.Select(n => n.Text))}");
            }

            yield return new QaFinding(article, id, NumberMismatch, Severities.Error, string.Join("; ", parts));
        }

        if (RepeatedWordPattern().Match(en) is { Success: true } repeat)
        {
            yield return new QaFinding(article, id, RepeatedWord, Severities.Warning, $"\"{repeat.Groups["word"].Value}\" twice in a row");
        }

        foreach (var problem in UnbalancedMarks(en))
        {
            yield return new QaFinding(article, id, Unbalanced, Severities.Warning, problem);
        }
    }

    private static IEnumerable<QaFinding> LengthOutliers(List<(string Article, string Id, double Ratio)> ratios, double sigmas)
    {
        if (ratios.Count < 5)
        {
            yield break;
        }

        var mean = ratios.Average(r => r.Ratio);
        var sd = Math.Sqrt(ratios.Sum(r => (r.Ratio - mean) * (r.Ratio - mean)) / (ratios.Count - 1));
        foreach (var (article, id, ratio) in ratios)
        {
            if (sd > 0 && Math.Abs(ratio - mean) > sigmas * sd)
            {
                yield return new QaFinding(article, id, LengthRatio, Severities.Warning,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"English/Arabic length {ratio:0.00} against the job's {mean:0.00} ± {sigmas}·{sd:0.00}"));
            }
        }
    }

    /// <summary>Flags the job raised while it ran (glossary, content filter, unsupported numbers in claims); a failed translation is reported elsewhere.</summary>
    private static IEnumerable<QaFinding> RaisedFlags(WrittenArticle article) =>
        article.Translation.Sentences.SelectMany(s => (s.Flags ?? []).Select(f => (Item: s.Id, Flag: f)))
            .Concat(article.Claims.Claims.SelectMany(c => c.Flags.Select(f => (Item: c.Id, Flag: f))))
            .Where(x => x.Flag.Code != FlagCodes.TranslationFailed)
            .Select(x => new QaFinding(article.Translation.Article, x.Item, x.Flag.Code, x.Flag.Severity, x.Flag.Message));

    private static IEnumerable<string> UnbalancedMarks(string text)
    {
        foreach (var (open, close) in new[] { ('(', ')'), ('[', ']'), ('“', '”') })
        {
            var depth = 0;
            foreach (var c in text)
            {
                depth += c == open ? 1 : c == close ? -1 : 0;
                if (depth < 0)
                {
                    break;
                }
            }

            if (depth != 0)
            {
                yield return $"unbalanced {open}{close}";
            }
        }

        if (text.Count(c => c == '"') % 2 != 0)
        {
            yield return "unbalanced \"";
        }
    }

    private static string Normalize(string text) => ArabicScript.FoldForMatching(string.Concat(text.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c))));

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"\b(?<word>\p{L}+)\s+\k<word>\b", RegexOptions.IgnoreCase)]
    private static partial Regex RepeatedWordPattern();
}

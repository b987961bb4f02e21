using System.Text;

namespace Summarizer.Testing;

/// <summary>
/// Deterministic Arabic news-like text for scale tests and benchmarks: real words, sentence punctuation,
/// numbers and the " , " joiners of scraped pages. Meaningless, but shaped like the real thing.
/// </summary>
public sealed class SyntheticArabic(int seed)
{
    private static readonly string[] Words =
    [
        "أعلنت", "الحكومة", "وزارة", "الخارجية", "التحالف", "الدولي", "القوات", "العراقية", "مدينة", "بغداد", "أربيل", "الأمن",
        "الاستقرار", "المنطقة", "الشرق", "الأوسط", "اجتماع", "الوزير", "بيان", "رسمي", "مشروع", "جديد", "دعم", "إعادة", "إعمار",
        "المجتمعات", "المتضررة", "النازحين", "داخليا", "التعاون", "الثنائي", "بين", "البلدين", "خلال", "العام", "المقبل", "الماضي",
        "مليون", "دولار", "مليار", "تدريب", "مهمة", "عملية", "الاتفاق", "الحكومتين", "مواصلة", "التنمية", "الاقتصادية", "مؤتمر", "صحفي",
    ];

    private readonly Random _random = new(seed);

    /// <summary>Makes an article of about <paramref name="words"/> words, with a headline line and paragraphs.</summary>
    public string Article(int words, bool punctuation = true)
    {
        var builder = new StringBuilder();
        builder.Append(Sentence(6, terminal: false)).Append("\n\n");
        var written = 0;
        var inParagraph = 0;
        while (written < words)
        {
            var length = _random.Next(8, 28);
            builder.Append(punctuation ? Sentence(length, terminal: true) : Sentence(length, terminal: false));
            written += length;
            inParagraph++;
            if (punctuation && inParagraph >= 4)
            {
                builder.Append("\n\n");
                inParagraph = 0;
            }
            else
            {
                builder.Append(punctuation && _random.Next(5) == 0 ? " , " : " ");
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>Makes an article with no punctuation and no line breaks at all: one run of words.</summary>
    public string Unpunctuated(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[_random.Next(Words.Length)]));

    private string Sentence(int words, bool terminal)
    {
        var parts = new string[words];
        for (var i = 0; i < words; i++)
        {
            parts[i] = _random.Next(15) == 0 ? _random.Next(2, 2000).ToString(System.Globalization.CultureInfo.InvariantCulture) : Words[_random.Next(Words.Length)];
        }

        if (words > 6 && _random.Next(3) == 0)
        {
            parts[words / 2] += "،";
        }

        return string.Join(' ', parts) + (terminal ? (_random.Next(10) == 0 ? "؟" : ".") : string.Empty);
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Summarizer.Core.Validation;

/// <summary>
/// Finds numbers in Arabic or English text: Arabic-Indic and Persian digits, the Arabic decimal (٫) and thousands (٬)
/// separators, English thousands commas, and a following magnitude word (ألف، مليون، مليار / thousand, million, billion).
/// Citation markers such as [s4] and ids such as s4 are not numbers.
/// </summary>
public static partial class NumberExtractor
{
    private static readonly (string Word, decimal Factor)[] Magnitudes =
    [
        ("مليارات", 1_000_000_000m), ("مليار", 1_000_000_000m), ("billion", 1_000_000_000m), ("bn", 1_000_000_000m),
        ("ملايين", 1_000_000m), ("مليون", 1_000_000m), ("million", 1_000_000m),
        ("آلاف", 1_000m), ("الاف", 1_000m), ("ألف", 1_000m), ("الف", 1_000m), ("thousand", 1_000m),
    ];

    /// <summary>Returns the numbers in the text, in order.</summary>
    public static IReadOnlyList<NumberMention> Extract(string text)
    {
        var normalized = Normalize(Citations().Replace(text, " "));
        var mentions = new List<NumberMention>();
        foreach (Match match in Number().Matches(normalized))
        {
            var digits = match.Value.Replace(",", string.Empty, StringComparison.Ordinal);
            if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var factor = MagnitudeAfter(normalized.AsSpan(match.Index + match.Length).TrimStart());
            mentions.Add(new NumberMention(match.Value, value, factor == 0 ? value : value * factor));
        }

        return mentions;
    }

    private static decimal MagnitudeAfter(ReadOnlySpan<char> rest)
    {
        foreach (var (word, factor) in Magnitudes)
        {
            if (rest.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return factor;
            }
        }

        return 0;
    }

    /// <summary>
    /// Returns the numbers of <paramref name="claim"/> (in digits) that no number of <paramref name="sources"/> matches,
    /// in digits or in words (<see cref="SpelledNumbers"/>).
    /// </summary>
    public static IReadOnlyList<NumberMention> Unsupported(string claim, IEnumerable<string> sources)
    {
        var available = sources.SelectMany(s => Extract(s).Concat(SpelledNumbers.Extract(s))).ToList();
        return Extract(claim).Where(n => !available.Any(n.Matches)).ToList();
    }

    /// <summary>Maps Arabic-Indic and Persian digits to 0-9 and Arabic separators to their Latin forms.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            builder.Append(c switch
            {
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                '\u066B' => '.',
                '\u066C' => ',',
                _ => c,
            });
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\[[^\[\]]*\]")]
    private static partial Regex Citations();

    // Digits not glued to a letter (so s4 and 4th-like ids are skipped), thousands groups, optional decimals.
    [GeneratedRegex(@"(?<![\p{L}\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|(?<![\p{L}\d.,])\d+(?:\.\d+)?(?![\d])")]
    private static partial Regex Number();
}

using System.Text.RegularExpressions;
using Summarizer.Core.Ingest;

namespace Summarizer.Core.Validation;

/// <summary>
/// Reads numbers written in words, in Arabic ("سبعة عشر", "خمسة وعشرون ألفا", "ثلاثمئة") and English ("seventeen",
/// "twenty-five thousand"). They only ever support a number written in digits on the other side: "17" in a translation
/// of "سبعة عشر" is not a mismatch. They are never required, since "في آن واحد" (at once) holds a "one" no translation shows.
/// </summary>
public static partial class SpelledNumbers
{
    private static readonly Dictionary<string, (Kind Kind, decimal Value)> Words = Build();

    private enum Kind
    {
        Unit,
        Ten,
        Tens,
        Hundred,
        Hundreds,
        Magnitude,
        PluralMagnitude,
        Joiner,
    }

    /// <summary>Returns the numbers written in words in the text, in order.</summary>
    public static IReadOnlyList<NumberMention> Extract(string text)
    {
        var mentions = new List<NumberMention>();
        var words = Word().Matches(text).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var reader = new Reader();
            var end = -1;
            for (var j = i; j < words.Count; j++)
            {
                // Words of one number stand next to each other: a space, or a hyphen (twenty-five).
                if (j > i && !Joined(text.AsSpan(words[j - 1].Index + words[j - 1].Length, words[j].Index - words[j - 1].Index - words[j - 1].Length)))
                {
                    break;
                }

                if (Lookup(ArabicScript.FoldForMatching(words[j].Value), first: j == i) is not { } word || !reader.Accept(word.Kind, word.Value))
                {
                    break;
                }

                end = word.Kind == Kind.Joiner ? end : j;
            }

            if (end >= i)
            {
                mentions.Add(new NumberMention(text[words[i].Index..(words[end].Index + words[end].Length)], reader.Value, reader.Value));
                i = end;
            }
        }

        return mentions;
    }

    private static bool Joined(ReadOnlySpan<char> gap) => gap is "-" || (gap.Length > 0 && gap.IsWhiteSpace());

    private static (Kind Kind, decimal Value)? Lookup(string word, bool first)
    {
        if (!first && word is "and" or "و")
        {
            return (Kind.Joiner, 0);
        }

        if (Words.TryGetValue(word, out var found))
        {
            return found;
        }

        // A conjunction (و) is written onto the next word, "خمسة وعشرون"; a number may also open with a preposition, "بخمسة".
        var prefixes = first ? "وبل" : "و";
        return word.Length > 2 && prefixes.Contains(word[0], StringComparison.Ordinal) && Words.TryGetValue(word[1..], out found) ? found : null;
    }

    /// <summary>
    /// Adds up one number word by word, and refuses a word that would start another number: a second unit ("خمسة وستة"
    /// is two numbers), a second tens word, a plural magnitude without a multiplier ("آلاف الزوار" is "thousands of").
    /// </summary>
    private sealed class Reader
    {
        private decimal _total;
        private decimal _current;
        private decimal _lastMagnitude = decimal.MaxValue;
        private bool _unit;
        private bool _ten;
        private bool _tens;
        private bool _hundred;
        private bool _joiner;

        public decimal Value => _total + _current;

        public bool Accept(Kind kind, decimal value)
        {
            if (kind == Kind.Joiner)
            {
                // One "and" (و) between words of a number; two in a row end it.
                var first = !_joiner;
                _joiner = true;
                return first;
            }

            _joiner = false;
            switch (kind)
            {
                case Kind.Unit when !_unit && !_ten:
                    _current += value;
                    return _unit = true;
                case Kind.Ten when !_ten && !_tens:
                    // "ثلاثة عشر" is 3 + 10; "عشرة" alone is 10.
                    _current += 10;
                    return _ten = true;
                case Kind.Tens when !_tens && !_ten:
                    _current += value;
                    return _tens = true;
                case Kind.Hundred when !_hundred:
                    _current = (_current == 0 ? 1 : _current) * 100;
                    _unit = _ten = _tens = false;
                    return _hundred = true;
                case Kind.Hundreds when !_hundred && !_unit && !_ten && !_tens:
                    _current += value;
                    return _hundred = true;
                case Kind.Magnitude or Kind.PluralMagnitude when _current == 0 && _total > 0 && value > _lastMagnitude:
                    // "ألف مليون" is a thousand million.
                    _total *= value;
                    _lastMagnitude = value;
                    return true;
                case Kind.Magnitude when value < _lastMagnitude:
                case Kind.PluralMagnitude when value < _lastMagnitude && _current > 0:
                    _total += (_current == 0 ? 1 : _current) * value;
                    _current = 0;
                    _lastMagnitude = value;
                    _unit = _ten = _tens = _hundred = false;
                    return true;
                default:
                    return false;
            }
        }
    }

    private static Dictionary<string, (Kind, decimal)> Build()
    {
        var words = new Dictionary<string, (Kind, decimal)>(StringComparer.Ordinal);
        void Add(Kind kind, decimal value, params string[] forms)
        {
            foreach (var form in forms)
            {
                words[ArabicScript.FoldForMatching(form)] = (kind, value);
            }
        }

        Add(Kind.Unit, 1, "واحد", "واحدة", "one");
        Add(Kind.Unit, 2, "اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثني", "اثنتا", "اثنتي", "two");
        Add(Kind.Unit, 3, "ثلاث", "ثلاثة", "three");
        Add(Kind.Unit, 4, "أربع", "أربعة", "four");
        Add(Kind.Unit, 5, "خمس", "خمسة", "five");
        Add(Kind.Unit, 6, "ست", "ستة", "six");
        Add(Kind.Unit, 7, "سبع", "سبعة", "seven");
        Add(Kind.Unit, 8, "ثمان", "ثماني", "ثمانية", "eight");
        Add(Kind.Unit, 9, "تسع", "تسعة", "nine");
        Add(Kind.Unit, 1, "أحد", "إحدى");
        Add(Kind.Ten, 10, "عشر", "عشرة", "ten");
        string[] teens = ["eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        for (var i = 0; i < teens.Length; i++)
        {
            Add(Kind.Unit, 11 + i, teens[i]);
        }

        Add(Kind.Tens, 20, "عشرون", "عشرين", "twenty");
        Add(Kind.Tens, 30, "ثلاثون", "ثلاثين", "thirty");
        Add(Kind.Tens, 40, "أربعون", "أربعين", "forty");
        Add(Kind.Tens, 50, "خمسون", "خمسين", "fifty");
        Add(Kind.Tens, 60, "ستون", "ستين", "sixty");
        Add(Kind.Tens, 70, "سبعون", "سبعين", "seventy");
        Add(Kind.Tens, 80, "ثمانون", "ثمانين", "eighty");
        Add(Kind.Tens, 90, "تسعون", "تسعين", "ninety");
        Add(Kind.Hundred, 100, "مئة", "مائة", "hundred");
        Add(Kind.Hundreds, 200, "مئتان", "مئتين", "مائتان", "مائتين");
        string[] hundreds = ["ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"];
        for (var i = 0; i < hundreds.Length; i++)
        {
            Add(Kind.Hundreds, (i + 3) * 100, hundreds[i] + "مئة", hundreds[i] + "مائة");
        }

        Add(Kind.Magnitude, 1_000, "ألف", "ألفا", "thousand");
        Add(Kind.Magnitude, 1_000_000, "مليون", "مليونا", "million");
        Add(Kind.Magnitude, 1_000_000_000, "مليار", "مليارا", "billion");
        Add(Kind.PluralMagnitude, 1_000, "آلاف");
        Add(Kind.PluralMagnitude, 1_000_000, "ملايين");
        Add(Kind.PluralMagnitude, 1_000_000_000, "مليارات");
        return words;
    }

    // Letters with their diacritics (and tatweel, a letter modifier), so offsets stay those of the original text.
    [GeneratedRegex(@"[\p{L}\p{Mn}]+")]
    private static partial Regex Word();
}

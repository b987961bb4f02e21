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
        Joiner,
    }

    /// <summary>Returns the numbers written in words in the text, in order.</summary>
    public static IReadOnlyList<NumberMention> Extract(string text)
    {
        var mentions = new List<NumberMention>();
        var words = Word().Matches(text).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            decimal total = 0, current = 0;
            var start = i;
            var end = i - 1;
            for (var j = i; j < words.Count && Lookup(ArabicScript.FoldForMatching(words[j].Value), j > i) is { } word; j++)
            {
                // Words of one number stand next to each other: a space, or a hyphen (twenty-five).
                if (j > i && words[j].Index - (words[j - 1].Index + words[j - 1].Length) > 2)
                {
                    break;
                }

                switch (word.Kind)
                {
                    case Kind.Joiner:
                        continue;
                    case Kind.Unit or Kind.Tens or Kind.Hundreds:
                        current += word.Value;
                        break;
                    case Kind.Ten:
                        // "ثلاثة عشر" is 3 + 10; "عشرة" alone is 10.
                        current += 10;
                        break;
                    case Kind.Hundred:
                        current = (current == 0 ? 1 : current) * 100;
                        break;
                    case Kind.Magnitude:
                        total += (current == 0 ? 1 : current) * word.Value;
                        current = 0;
                        break;
                }

                end = j;
            }

            if (end >= start)
            {
                var value = total + current;
                mentions.Add(new NumberMention(text[words[start].Index..(words[end].Index + words[end].Length)], value, value));
                i = end;
            }
        }

        return mentions;
    }

    private static (Kind Kind, decimal Value)? Lookup(string word, bool continuing)
    {
        if (continuing && word is "and" or "و")
        {
            return (Kind.Joiner, 0);
        }

        // The conjunction و is written onto the next word: "خمسة وعشرون".
        var bare = continuing && word.Length > 2 && word[0] == 'و' && Words.ContainsKey(word[1..]) ? word[1..] : word;
        return Words.TryGetValue(bare, out var found) ? found : null;
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

        Add(Kind.Hundreds, 2_000, "ألفان", "ألفين");
        Add(Kind.Hundreds, 2_000_000, "مليونان", "مليونين");
        Add(Kind.Magnitude, 1_000, "ألف", "ألفا", "آلاف", "thousand");
        Add(Kind.Magnitude, 1_000_000, "مليون", "مليونا", "ملايين", "million");
        Add(Kind.Magnitude, 1_000_000_000, "مليار", "مليارا", "مليارات", "billion");
        return words;
    }

    // Letters with their diacritics (and tatweel, a letter modifier), so offsets stay those of the original text.
    [GeneratedRegex(@"[\p{L}\p{Mn}]+")]
    private static partial Regex Word();
}

namespace Summarizer.Core.Ingest;

/// <summary>Facts about Arabic script that ingest, segmentation and validation share.</summary>
public static class ArabicScript
{
    /// <summary>True for a letter of the Arabic script (base block and supplements, not digits or punctuation).</summary>
    public static bool IsArabicLetter(char c) => c is
        (>= '\u0620' and <= '\u064A') or (>= '\u066E' and <= '\u06D3') or '\u06D5' or (>= '\u06EE' and <= '\u06FF')
        or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF');

    /// <summary>
    /// Folds text for matching, not for display: drops diacritics and tatweel, unifies alef, yaa and taa-marbuta
    /// spellings and lower-cases Latin letters, so that "الأعرجي" and "الاعرجي" match.
    /// </summary>
    public static string FoldForMatching(string text)
    {
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        return new string(buffer[..FoldForMatching(text, buffer)]);
    }

    /// <summary>
    /// Folds <paramref name="text"/> into <paramref name="destination"/> (at least as long) without allocating, as
    /// <see cref="FoldForMatching(string)"/> does, and returns the number of characters written.
    /// </summary>
    public static int FoldForMatching(ReadOnlySpan<char> text, Span<char> destination)
    {
        var length = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640':
                    break;
                case 'أ' or 'إ' or 'آ' or 'ٱ':
                    destination[length++] = 'ا';
                    break;
                case 'ى':
                    destination[length++] = 'ي';
                    break;
                case 'ة':
                    destination[length++] = 'ه';
                    break;
                default:
                    destination[length++] = char.ToLowerInvariant(c);
                    break;
            }
        }

        return length;
    }

    /// <summary>Returns the share of Arabic letters among all letters in the text, and the count of letters.</summary>
    public static (double Share, int Letters) ArabicLetterShare(ReadOnlySpan<char> text)
    {
        int letters = 0, arabic = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            letters++;
            if (IsArabicLetter(c))
            {
                arabic++;
            }
        }

        return (letters == 0 ? 0 : (double)arabic / letters, letters);
    }
}

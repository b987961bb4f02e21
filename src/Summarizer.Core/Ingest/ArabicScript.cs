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
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640':
                    break;
                case 'أ' or 'إ' or 'آ' or 'ٱ':
                    builder.Append('ا');
                    break;
                case 'ى':
                    builder.Append('ي');
                    break;
                case 'ة':
                    builder.Append('ه');
                    break;
                default:
                    builder.Append(char.ToLowerInvariant(c));
                    break;
            }
        }

        return builder.ToString();
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

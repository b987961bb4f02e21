using System.Text;

namespace Summarizer.Core.Ingest;

/// <summary>
/// Normalises extracted text so that offsets, matching and token counts are stable:
/// LF line ends, plain spaces, no invisible controls or control characters, no tatweel, base letters instead of presentation forms.
/// Diacritics are kept: they are part of the text; matching code ignores them where it needs to.
/// </summary>
public sealed class TextNormalizer
{
    /// <summary>Normalises the text.</summary>
    public string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    builder.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\u00A0' or '\u2007' or '\u202F' or '\t' or '\f' or '\v':
                    builder.Append(' ');
                    break;
                case '\u2028' or '\u2029' or '\u0085':
                    builder.Append('\n');
                    break;
                case '\u0640': // tatweel: stretches a word visually, carries no meaning
                    break;
                default:
                    if (IsInvisibleControl(c) || IsControlCharacter(c))
                    {
                        break;
                    }

                    if (IsPresentationForm(c))
                    {
                        // NFKC maps presentation forms (including lam-alef ligatures) to base letters; applied per character
                        // so that nothing else in the text (digits, ligatures of other scripts) is folded.
                        builder.Append(c.ToString().Normalize(NormalizationForm.FormKC));
                        break;
                    }

                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Bidi controls, zero-width characters and the BOM: invisible, and they break matching.</summary>
    internal static bool IsInvisibleControl(char c) => c is
        '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF' or '\u061C' or '\u00AD'
        or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>
    /// C0 and C1 control characters other than the line and space controls handled above (NUL, BEL, ESC, DEL, …): they
    /// reach an article through JSON escapes such as <c>\u0000</c> or stray bytes in scraped text, carry nothing a reader
    /// sees, and would otherwise travel into prompts, pages and terminals. Dropped like the invisible controls, not
    /// rejected: one stray byte must not cost a whole article.
    /// </summary>
    internal static bool IsControlCharacter(char c) => c != '\n' && char.IsControl(c);

    private static bool IsPresentationForm(char c) => c is (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFC');
}

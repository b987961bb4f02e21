using System.Globalization;
using System.Text;

namespace Summarizer.Core.Ingest;

/// <summary>
/// The one way a file name (or any text that came with the input) is shown to a person, on a terminal, in a table or
/// on a page: characters that could break the line, drive the terminal or reorder the text around them are shown as
/// escapes instead of acting. File names are data; a name holding a newline, an ESC sequence or U+202E must not be able
/// to forge a second rejection line, retitle a terminal or turn a page header round.
/// </summary>
/// <remarks>
/// Escaped: control characters (C0, DEL, C1), format characters (the bidi embeddings, overrides and isolates
/// U+202A–U+202E and U+2066–U+2069, the marks U+200E, U+200F and U+061C, zero-width characters, the BOM), line and
/// paragraph separators, and unpaired surrogates. A UTF-16 code unit is written <c>\u202E</c>, a character beyond the
/// BMP <c>\U000E0001</c>, always with upper-case hex. A backslash is left as it is (Windows paths are full of them), so
/// the form is for reading, not for parsing back; the JSON outputs keep the exact name.
/// </remarks>
public static class PrintableText
{
    /// <summary>Returns the text with every character that could act on a terminal or page written as an escape.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !NeedsEscape(text))
        {
            return text ?? string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var rune = new Rune(c, text[i + 1]);
                if (Acts(Rune.GetUnicodeCategory(rune)))
                {
                    builder.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:X8}");
                }
                else
                {
                    builder.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else if (char.IsSurrogate(c) || Acts(char.GetUnicodeCategory(c)))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Writes, inside serialised JSON, the characters that act but that the JSON encoder leaves as they are (bidi
    /// overrides and other format characters, line and paragraph separators) as JSON's own <c>\uXXXX</c> escapes. The
    /// data read back is exactly the same; a terminal showing the JSON is not reordered by a file name in it.
    /// </summary>
    public static string EscapeJson(string json)
    {
        if (!NeedsEscape(json))
        {
            return json;
        }

        var builder = new StringBuilder(json.Length + 16);
        for (var i = 0; i < json.Length; i++)
        {
            // Control characters are not touched: the encoder already escaped those inside strings, and the ones left are
            // the line ends of indented JSON, which must stay.
            var pair = char.IsHighSurrogate(json[i]) && i + 1 < json.Length && char.IsLowSurrogate(json[i + 1]);
            var category = pair ? Rune.GetUnicodeCategory(new Rune(json[i], json[i + 1])) : char.GetUnicodeCategory(json[i]);
            var acts = category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
            foreach (var unit in json.AsSpan(i, pair ? 2 : 1))
            {
                if (acts)
                {
                    builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)unit:X4}");
                }
                else
                {
                    builder.Append(unit);
                }
            }

            i += pair ? 1 : 0;
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            // An unpaired surrogate enumerates as U+FFFD, which acts on nothing; look for it by code unit instead.
            if (Acts(Rune.GetUnicodeCategory(rune)) || rune == Rune.ReplacementChar)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Acts(UnicodeCategory category) => category is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate;
}

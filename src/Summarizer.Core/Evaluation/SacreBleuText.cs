namespace Summarizer.Core.Evaluation;

/// <summary>
/// The string rules sacreBLEU inherits from Python's <c>str</c>: which characters are white space to <c>str.split()</c>
/// and <c>str.rstrip()</c>, and that a character is a code point, not a UTF-16 code unit.
/// </summary>
internal static class SacreBleuText
{
    /// <summary>Determines whether Python's <c>str.isspace()</c> holds for a character.</summary>
    /// <remarks>
    /// Python adds the information separators U+001C..U+001F (bidi class B or S) to what .NET calls white space;
    /// every other white space character, tab and no-break space included, is the same in both.
    /// </remarks>
    public static bool IsWhiteSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F';

    /// <summary>Splits text on runs of white space and drops empty pieces, as Python's <c>str.split()</c> does.</summary>
    public static string[] Split(string text)
    {
        var pieces = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsWhiteSpace(text[i]))
            {
                start = start < 0 ? i : start;
            }
            else if (start >= 0)
            {
                pieces.Add(text[start..i]);
                start = -1;
            }
        }

        return [.. pieces];
    }

    /// <summary>Removes every white space character, as <c>''.join(text.split())</c> does.</summary>
    public static string RemoveWhiteSpace(string text) => string.Concat(Split(text));

    /// <summary>Removes trailing white space, as Python's <c>str.rstrip()</c> does.</summary>
    public static string TrimEnd(string text)
    {
        var end = text.Length;
        while (end > 0 && IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return text[..end];
    }

    /// <summary>Splits text into code points, each as a string: an astral character (emoji, math letter) is one, not two.</summary>
    public static string[] CodePoints(string text)
    {
        var points = new List<string>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            // A lone surrogate stays a unit of its own rather than becoming U+FFFD, so distinct inputs stay distinct.
            var width = char.IsSurrogatePair(text, i) ? 2 : 1;
            points.Add(text.Substring(i, width));
            i += width - 1;
        }

        return [.. points];
    }
}

namespace Summarizer.Core.Ingest;

/// <summary>Counts words the way the page rules mean them: tokens between spaces that hold a letter or a digit.</summary>
internal static class PageWords
{
    /// <summary>Punctuation and symbols trimmed off a token before it is compared.</summary>
    public static readonly char[] Punctuation = [.. "()[]{}«»“”\"'‘’.,،:;؛!?؟…-–—|•·*/\\#@+=_~^<>″"];

    /// <summary>Returns the number of words in the line.</summary>
    public static int Count(ReadOnlySpan<char> line) => Count(line, lettersOnly: false);

    /// <summary>Returns the number of tokens between spaces that hold a letter (or, unless <paramref name="lettersOnly"/>, a digit).</summary>
    public static int Count(ReadOnlySpan<char> line, bool lettersOnly)
    {
        var count = 0;
        var counted = false;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                counted = false;
                continue;
            }

            if (!counted && (lettersOnly ? char.IsLetter(c) : char.IsLetterOrDigit(c)))
            {
                count++;
                counted = true;
            }
        }

        return count;
    }
}

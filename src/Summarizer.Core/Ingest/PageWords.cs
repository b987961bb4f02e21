namespace Summarizer.Core.Ingest;

/// <summary>Counts words the way the page rules mean them: tokens between spaces that hold a letter or a digit.</summary>
internal static class PageWords
{
    /// <summary>Punctuation and symbols trimmed off a token before it is compared.</summary>
    public static readonly char[] Punctuation = [.. "()[]{}«»“”\"'‘’.,،:;؛!?؟…-–—|•·*/\\#@+=_~^<>″"];

    /// <summary>Returns the number of words in the line.</summary>
    public static int Count(ReadOnlySpan<char> line) => Count(line, char.IsLetterOrDigit);

    /// <summary>Returns the number of tokens between spaces that hold a character of the kind.</summary>
    public static int Count(ReadOnlySpan<char> line, Func<char, bool> kind)
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

            if (!counted && kind(c))
            {
                count++;
                counted = true;
            }
        }

        return count;
    }
}

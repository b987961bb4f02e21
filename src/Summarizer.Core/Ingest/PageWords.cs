namespace Summarizer.Core.Ingest;

/// <summary>Counts words the way the page rules mean them: tokens between spaces that hold a letter or a digit.</summary>
internal static class PageWords
{
    /// <summary>Punctuation and symbols trimmed off a token before it is compared.</summary>
    public static readonly char[] Punctuation = [.. "()[]{}«»“”\"'‘’.,،:;؛!?؟…-–—|•·*/\\#@+=_~^<>″"];

    /// <summary>Returns the number of words in the line, counting no further than <paramref name="limit"/>.</summary>
    public static int Count(ReadOnlySpan<char> line, int limit = int.MaxValue) => Count(line, lettersOnly: false, limit);

    /// <summary>
    /// Returns the number of tokens between spaces that hold a letter (or, unless <paramref name="lettersOnly"/>, a digit),
    /// counting no further than <paramref name="limit"/>: the rules ask "at least N words?", and article lines are long.
    /// </summary>
    public static int Count(ReadOnlySpan<char> line, bool lettersOnly, int limit = int.MaxValue)
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
                if (++count >= limit)
                {
                    return count;
                }

                counted = true;
            }
        }

        return count;
    }
}

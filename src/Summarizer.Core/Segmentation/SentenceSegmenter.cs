using Summarizer.Core.Tokens;

namespace Summarizer.Core.Segmentation;

/// <summary>
/// Where sentence ids are born: splits an article into sentences, cuts any sentence longer than the chunk budget
/// at an Arabic comma or white space, counts tokens, and numbers them <c>s1</c>..<c>sN</c> in reading order.
/// </summary>
/// <remarks>The budget is the caller's (the chunk budget of the plan): segmentation knows tokens, not how chunks are configured.</remarks>
public sealed class SentenceSegmenter(SentenceSplitter splitter, ITokenCounter tokens)
{
    /// <summary>Segments text so that no sentence is longer than <paramref name="maxTokens"/>.</summary>
    public IReadOnlyList<Sentence> Segment(string text, int maxTokens)
    {
        var sentences = new List<Sentence>();
        foreach (var span in splitter.Split(text))
        {
            var count = tokens.Count(text.AsSpan(span.Start, span.Length));
            if (count <= maxTokens)
            {
                AddSentence(span.Start, span.End, span.Paragraph, count);
                continue;
            }

            foreach (var (start, end, pieceTokens) in SplitLong(text, span.Start, span.End, maxTokens))
            {
                AddSentence(start, end, span.Paragraph, pieceTokens);
            }
        }

        return sentences;

        void AddSentence(int start, int end, int paragraph, int count)
        {
            var id = SentenceIds.At(sentences.Count);
            sentences.Add(new Sentence(id, start, end - start, text[start..end], paragraph, count));
        }
    }

    /// <summary>
    /// Cuts an over-long sentence into pieces within budget: at the last Arabic comma of the longest prefix that fits
    /// (when that keeps at least half of it), else at the last white space, else between characters.
    /// </summary>
    private List<(int Start, int End, int Tokens)> SplitLong(string text, int start, int end, int maxTokens)
    {
        var pieces = new List<(int, int, int)>();
        while (start < end)
        {
            var remaining = tokens.Count(text.AsSpan(start, end - start));
            if (remaining <= maxTokens)
            {
                pieces.Add((start, end, remaining));
                break;
            }

            var cut = LongestFittingPrefix(text, start, end, maxTokens);
            var pieceEnd = TrimEnd(text, start, cut);
            pieces.Add((start, pieceEnd, tokens.Count(text.AsSpan(start, pieceEnd - start))));
            start = cut;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }

        return pieces;
    }

    private int LongestFittingPrefix(string text, int start, int end, int maxTokens)
    {
        var breaks = new List<int>();
        for (var i = start + 1; i < end; i++)
        {
            if (char.IsWhiteSpace(text[i]) && !char.IsWhiteSpace(text[i - 1]))
            {
                breaks.Add(i);
            }
        }

        var fit = LastFitting(breaks, start, text, maxTokens);
        if (fit >= 0)
        {
            var comma = breaks.FindLastIndex(fit, b => text[b - 1] == '،');
            var chosen = comma >= 0 && breaks[comma] - start >= (breaks[fit] - start) / 2 ? comma : fit;
            return breaks[chosen];
        }

        // No white space fits: a run of letters longer than the budget. Cut between characters (never inside a surrogate pair).
        var positions = Enumerable.Range(start + 1, end - start - 1).Where(p => !char.IsLowSurrogate(text[p])).ToList();
        var hard = LastFitting(positions, start, text, maxTokens);
        return hard >= 0 ? positions[hard] : start + 1;
    }

    /// <summary>Binary search for the last candidate end whose prefix fits the budget; token counts grow with the prefix.</summary>
    private int LastFitting(List<int> candidates, int start, string text, int maxTokens)
    {
        int low = 0, high = candidates.Count - 1, best = -1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (tokens.Count(text.AsSpan(start, candidates[mid] - start)) <= maxTokens)
            {
                best = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return best;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}

namespace Summarizer.Core.Segmentation;

/// <summary>
/// Splits normalised Arabic news text into sentences. Line ends, <c>. ! ? ؟ ؛ …</c> and the scraped-news clause joiner
/// " , " close a sentence; a dot inside a number, after an abbreviation or inside a URL does not; nor does anything
/// inside a short quotation or parenthesis. A line holding only a closing quote or a lone dot joins the sentence before it.
/// </summary>
public sealed class SentenceSplitter
{
    /// <summary>Quotes longer than this are split at their own sentence ends, so a quoted paragraph still aligns by sentence.</summary>
    public const int MaxProtectedQuoteLength = 250;

    private const string Terminators = ".!?؟؛…";
    private const string Openers = "“«(\"‘„";
    private const string Closers = "”»)\"″’";

    private readonly HashSet<string> _abbreviations;

    /// <summary>Initializes a new instance of the <see cref="SentenceSplitter"/> class with the built-in abbreviations.</summary>
    public SentenceSplitter()
        : this(AbbreviationList.Load())
    {
    }

    private SentenceSplitter(IEnumerable<string> abbreviations)
    {
        _abbreviations = new HashSet<string>(abbreviations, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Creates a splitter with the given abbreviations instead of the built-in ones.</summary>
    public static SentenceSplitter WithAbbreviations(IEnumerable<string> abbreviations) => new(abbreviations);

    /// <summary>Splits the text into sentence spans, in reading order.</summary>
    public IReadOnlyList<SentenceSpan> Split(string text)
    {
        var spans = new List<SentenceSpan>();
        var paragraph = 1;
        var previousLineBlank = false;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var (start, end) = Trim(text, lineStart, lineEnd);
            if (start == end)
            {
                previousLineBlank = true;
            }
            else
            {
                if (previousLineBlank && spans.Count > 0)
                {
                    paragraph++;
                }

                previousLineBlank = false;
                if (spans.Count > 0 && IsClosingOnly(text.AsSpan(start, end - start)))
                {
                    spans[^1] = spans[^1] with { End = end };
                }
                else
                {
                    SplitLine(text, start, end, paragraph, spans);
                }
            }

            lineStart = lineEnd + 1;
        }

        return spans;
    }

    private void SplitLine(string text, int start, int end, int paragraph, List<SentenceSpan> spans)
    {
        var isProtected = ProtectedPositions(text, start, end);
        var sentenceStart = start;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            int boundaryEnd = -1, nextStart = -1;
            if (isProtected[i - start])
            {
                // A quotation that ends with its own terminator ends the sentence too: «قال: "تم ذلك." وأضاف…».
                if (Closers.Contains(c) && i > start && Terminators.Contains(text[i - 1]) && IsBreakAfter(text, i + 1, end))
                {
                    boundaryEnd = nextStart = i + 1;
                }
            }
            else if (c == ',' && i > start && text[i - 1] == ' ' && i + 1 < end && text[i + 1] == ' ')
            {
                boundaryEnd = i;
                nextStart = i + 1;
            }
            else if (Terminators.Contains(c) && IsSentenceEnd(text, start, i, end))
            {
                var j = i + 1;
                while (j < end && (Terminators.Contains(text[j]) || Closers.Contains(text[j])))
                {
                    j++;
                }

                if (IsBreakAfter(text, j, end))
                {
                    boundaryEnd = nextStart = j;
                }
            }

            if (boundaryEnd < 0)
            {
                i++;
                continue;
            }

            Add(text, sentenceStart, boundaryEnd, paragraph, spans);
            sentenceStart = nextStart;
            i = nextStart;
        }

        Add(text, sentenceStart, end, paragraph, spans);
    }

    private bool IsSentenceEnd(string text, int lineStart, int i, int lineEnd)
    {
        if (text[i] != '.')
        {
            return true;
        }

        // 1.39 or 27.10.2024: a dot between digits is part of a number.
        if (i > lineStart && char.IsDigit(text[i - 1]) && i + 1 < lineEnd && char.IsDigit(text[i + 1]))
        {
            return false;
        }

        // An abbreviation ends with a dot; at the end of a line it still closes the sentence.
        if (i + 1 < lineEnd && IsAbbreviation(PrecedingToken(text, lineStart, i)))
        {
            return false;
        }

        return true;
    }

    private bool IsAbbreviation(ReadOnlySpan<char> token) =>
        token.Length == 1 && char.IsLetter(token[0]) || token.Length > 0 && _abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token);

    private static ReadOnlySpan<char> PrecedingToken(string text, int lineStart, int dot)
    {
        var k = dot;
        while (k > lineStart && !char.IsWhiteSpace(text[k - 1]) && !Openers.Contains(text[k - 1]))
        {
            k--;
        }

        return text.AsSpan(k, dot - k);
    }

    /// <summary>A boundary needs white space or the line end after it, so URLs, e-mail addresses and "a.b" stay whole.</summary>
    private static bool IsBreakAfter(string text, int j, int lineEnd) => j >= lineEnd || char.IsWhiteSpace(text[j]);

    /// <summary>
    /// Marks the positions inside short quotations and parentheses (openers and closers included).
    /// Unmatched quotes protect nothing: scraped text often opens a quote it never closes.
    /// </summary>
    private static bool[] ProtectedPositions(string text, int start, int end)
    {
        var result = new bool[end - start];
        var stack = new Stack<(int Position, char Opener)>();
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            var isStraight = c == '"';
            if (isStraight && stack.Count > 0 && stack.Peek().Opener == '"' || !isStraight && Closers.Contains(c))
            {
                if (stack.Count == 0)
                {
                    continue;
                }

                var open = stack.Pop().Position;
                if (i - open <= MaxProtectedQuoteLength)
                {
                    Array.Fill(result, true, open - start, i - open + 1);
                }
            }
            else if (Openers.Contains(c))
            {
                stack.Push((i, c));
            }
        }

        return result;
    }

    private static bool IsClosingOnly(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (!char.IsWhiteSpace(c) && !Closers.Contains(c) && !Terminators.Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(string text, int start, int end, int paragraph, List<SentenceSpan> spans)
    {
        (start, end) = Trim(text, start, end);
        if (start == end)
        {
            return;
        }

        // Punctuation with no word in it (a stray "." or "،") belongs to the sentence before it, not a sentence of its own.
        if (!HasLetterOrDigit(text.AsSpan(start, end - start)))
        {
            if (spans.Count > 0 && spans[^1].Paragraph == paragraph)
            {
                spans[^1] = spans[^1] with { End = end };
            }

            return;
        }

        spans.Add(new SentenceSpan(start, end, paragraph));
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }
}

using Summarizer.Core.Ingest;

namespace Summarizer.Core.Segmentation;

/// <summary>
/// Splits normalised Arabic news text into sentences. Line ends and <c>. ! ? ؟ ؛ …</c> close a sentence, and so does a
/// full stop glued to the next word (<c>(GFZ).وأشار</c>); the scraped-news joiner " , " closes one only before a new
/// main clause (<see cref="JoinerRules"/>). A dot inside a number, after an abbreviation or inside a URL does not; inside a
/// short quotation or parenthesis only a full stop before a new sentence does. In hard-wrapped text
/// (<see cref="LineWrap"/>) a line end made by the wrap is a space. A line holding only a closing quote or a lone dot joins
/// the sentence before it.
/// </summary>
public sealed class SentenceSplitter
{
    /// <summary>Quotes longer than this are split at their own sentence ends, so a quoted paragraph still aligns by sentence.</summary>
    public const int MaxProtectedQuoteLength = 250;

    private const string Terminators = ".!?؟؛…";
    private const string Openers = "“«(\"‘„";
    private const string Closers = "”»)\"″’";

    private readonly HashSet<string> _abbreviations;
    private readonly JoinerRules _joiner;

    /// <summary>Initializes a new instance of the <see cref="SentenceSplitter"/> class with the built-in abbreviations and joiner rules.</summary>
    public SentenceSplitter()
        : this(AbbreviationList.Load(), new JoinerRules())
    {
    }

    private SentenceSplitter(IEnumerable<string> abbreviations, JoinerRules joiner)
    {
        _abbreviations = new HashSet<string>(abbreviations, StringComparer.OrdinalIgnoreCase);
        _joiner = joiner;
    }

    /// <summary>Creates a splitter with the given abbreviations instead of the built-in ones.</summary>
    public static SentenceSplitter WithAbbreviations(IEnumerable<string> abbreviations) => new(abbreviations, new JoinerRules());

    /// <summary>Splits the text into sentence spans, in reading order.</summary>
    public IReadOnlyList<SentenceSpan> Split(string text)
    {
        var lines = Lines(text);
        var width = LineWrap.Width(text, lines);
        var spans = new List<SentenceSpan>();
        var paragraph = 1;
        var previousLineBlank = false;
        for (var n = 0; n < lines.Count; n++)
        {
            var (start, end) = Trim(text, lines[n].Start, lines[n].End);
            if (start == end)
            {
                previousLineBlank = true;
                continue;
            }

            if (previousLineBlank && spans.Count > 0)
            {
                paragraph++;
            }

            previousLineBlank = false;
            if (spans.Count > 0 && IsClosingOnly(text.AsSpan(start, end - start)))
            {
                spans[^1] = spans[^1] with { End = end };
                continue;
            }

            // A wrapped paragraph is split as one line: its line ends are spaces.
            while (width is not null && n + 1 < lines.Count && LineWrap.RunsOn(Span(text, lines[n]), Span(text, lines[n + 1]), width))
            {
                n++;
                end = Trim(text, lines[n].Start, lines[n].End).End;
            }

            SplitLine(text, start, end, paragraph, spans);
        }

        return spans;
    }

    private static ReadOnlySpan<char> Span(string text, (int Start, int End) line) => text.AsSpan(line.Start, line.End - line.Start);

    private static List<(int Start, int End)> Lines(string text)
    {
        var lines = new List<(int, int)>();
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            lines.Add((lineStart, lineEnd));
            lineStart = lineEnd + 1;
        }

        return lines;
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
                else if (c == '.' && IsSentenceEnd(text, start, i, end) && StartsQuotedSentence(text, i + 1, end))
                {
                    // A quoted paragraph is several sentences: a full stop before the next quoted sentence ends one.
                    boundaryEnd = nextStart = i + 1;
                }
            }
            else if (c == ',' && i > start && text[i - 1] == ' ' && i + 1 < end && text[i + 1] == ' ')
            {
                if (_joiner.EndsSentence(text.AsSpan(sentenceStart, i - sentenceStart), text.AsSpan(i + 1, end - i - 1)))
                {
                    boundaryEnd = i;
                    nextStart = i + 1;
                }
            }
            else if (Terminators.Contains(c) && IsSentenceEnd(text, start, i, end))
            {
                var j = i + 1;
                while (j < end && (Terminators.Contains(text[j]) || Closers.Contains(text[j])))
                {
                    j++;
                }

                // Scraped pages drop the space after a full stop (".وأضاف"): a letter of Arabic script right after it still starts a sentence.
                if (IsBreakAfter(text, j, end) || c == '.' && ArabicScript.IsArabicLetter(text[j]) && (i == start || !char.IsDigit(text[i - 1])))
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

    /// <summary>True when white space and then a word follow: a next sentence inside the quotation, not its closing mark.</summary>
    private static bool StartsQuotedSentence(string text, int j, int lineEnd)
    {
        if (j >= lineEnd || !char.IsWhiteSpace(text[j]))
        {
            return false;
        }

        while (j < lineEnd && char.IsWhiteSpace(text[j]))
        {
            j++;
        }

        return j < lineEnd && char.IsLetterOrDigit(text[j]);
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

using System.Text.Json;
using Summarizer.Core.Ingest;

namespace Summarizer.Core.Segmentation;

/// <summary>
/// Decides whether the scraped joiner <c>" , "</c> ends a sentence, by the word lists in <c>SegmentationRules.json</c>:
/// it does before a new main clause, and not before a word that depends on what precedes it.
/// </summary>
public sealed class JoinerRules
{
    private const string ResourceName = "Summarizer.Core.Segmentation.SegmentationRules.json";
    private const int MaxWordLength = 64;
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private readonly HashSet<string> _fronted;
    private readonly HashSet<string> _newClause;
    private readonly HashSet<string> _continuing;
    private readonly string[] _conjunctions;
    private readonly int _maxFrontedWords;

    /// <summary>Initializes a new instance of the <see cref="JoinerRules"/> class with the built-in rules.</summary>
    public JoinerRules()
        : this(Load())
    {
    }

    private JoinerRules(RulesFile file)
    {
        _fronted = Folded(file.FrontedPhraseWords);
        _newClause = Folded(file.NewClauseWords);
        _continuing = Folded(file.WawWordsThatContinue);
        _conjunctions = file.Conjunctions.ToArray();
        _maxFrontedWords = file.MaxFrontedPhraseWords;
    }

    /// <summary>
    /// True when a joiner between <paramref name="before"/> (the sentence so far) and <paramref name="after"/>
    /// (the rest of the line) ends the sentence.
    /// </summary>
    public bool EndsSentence(ReadOnlySpan<char> before, ReadOnlySpan<char> after)
    {
        // Folded words live on the stack: this runs at every joiner of every article.
        Span<char> buffer = stackalloc char[MaxWordLength];
        var (start, length, count) = FirstWord(before, _maxFrontedWords + 1);
        if (count > 0 && count <= _maxFrontedWords && IsFronted(Fold(before.Slice(start, length), buffer)))
        {
            return false;
        }

        (start, length, count) = FirstWord(after, 1);
        if (count == 0)
        {
            return false;
        }

        var next = Fold(after.Slice(start, length), buffer);
        if (_newClause.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next))
        {
            return true;
        }

        foreach (var conjunction in _conjunctions)
        {
            if (next.Length > conjunction.Length + 1 && next.StartsWith(conjunction, StringComparison.Ordinal))
            {
                var rest = next[conjunction.Length..];
                return !rest.StartsWith("ال", StringComparison.Ordinal) && !_continuing.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next);
            }
        }

        return false;
    }

    private bool IsFronted(ReadOnlySpan<char> word)
    {
        var fronted = _fronted.GetAlternateLookup<ReadOnlySpan<char>>();
        if (fronted.Contains(word))
        {
            return true;
        }

        foreach (var conjunction in _conjunctions)
        {
            if (word.Length > conjunction.Length && word.StartsWith(conjunction, StringComparison.Ordinal) && fronted.Contains(word[conjunction.Length..]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Folds the word into the buffer (a longer word is cut: no rule word is that long).</summary>
    private static ReadOnlySpan<char> Fold(ReadOnlySpan<char> word, Span<char> buffer) =>
        buffer[..ArabicScript.FoldForMatching(word[..Math.Min(word.Length, buffer.Length)], buffer)];

    /// <summary>
    /// Finds the first word of the span and counts the words up to <paramref name="limit"/>. Words are runs of letters,
    /// digits and Arabic diacritics, so quotes and punctuation around a word do not count.
    /// </summary>
    private static (int Start, int Length, int Count) FirstWord(ReadOnlySpan<char> text, int limit)
    {
        int firstStart = 0, firstLength = 0, count = 0, start = -1;
        for (var i = 0; i <= text.Length && count < limit; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is >= '\u064B' and <= '\u065F' or '\u0670');
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                if (count == 0)
                {
                    (firstStart, firstLength) = (start, i - start);
                }

                count++;
                start = -1;
            }
        }

        return (firstStart, firstLength, count);
    }

    private static HashSet<string> Folded(IEnumerable<string> words) =>
        new(words.Select(ArabicScript.FoldForMatching), StringComparer.Ordinal);

    private static RulesFile Load()
    {
        using var stream = typeof(JoinerRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return JsonSerializer.Deserialize<RulesFile>(stream, JsonOptions) ?? new RulesFile();
    }

    private sealed class RulesFile
    {
        public List<string> FrontedPhraseWords { get; set; } = [];

        public int MaxFrontedPhraseWords { get; set; } = 6;

        public List<string> NewClauseWords { get; set; } = [];

        public List<string> Conjunctions { get; set; } = [];

        public List<string> WawWordsThatContinue { get; set; } = [];
    }
}

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
        var (first, count) = FirstWord(before, _maxFrontedWords + 1);
        if (first is not null && count <= _maxFrontedWords && IsIn(_fronted, first, stripConjunction: true))
        {
            return false;
        }

        var (next, _) = FirstWord(after, 1);
        if (next is null)
        {
            return false;
        }

        if (_newClause.Contains(next))
        {
            return true;
        }

        foreach (var conjunction in _conjunctions)
        {
            if (next.Length > conjunction.Length + 1 && next.StartsWith(conjunction, StringComparison.Ordinal))
            {
                var rest = next[conjunction.Length..];
                return !rest.StartsWith("ال", StringComparison.Ordinal) && !_continuing.Contains(next);
            }
        }

        return false;
    }

    private bool IsIn(HashSet<string> set, string word, bool stripConjunction) =>
        set.Contains(word) || stripConjunction && _conjunctions.Any(c => word.Length > c.Length && word.StartsWith(c, StringComparison.Ordinal) && set.Contains(word[c.Length..]));

    /// <summary>
    /// Returns the first word of the span, folded, and the number of words up to <paramref name="limit"/>. Words are runs of
    /// letters, digits and diacritics, so quotes and punctuation around a word do not count.
    /// </summary>
    private static (string? First, int Count) FirstWord(ReadOnlySpan<char> text, int limit)
    {
        string? first = null;
        var count = 0;
        var start = -1;
        for (var i = 0; i <= text.Length && count < limit; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                first ??= ArabicScript.FoldForMatching(text[start..i].ToString());
                count++;
                start = -1;
            }
        }

        return (first, count);
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

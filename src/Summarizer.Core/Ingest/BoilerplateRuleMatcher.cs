using System.Text.RegularExpressions;

namespace Summarizer.Core.Ingest;

/// <summary>A <see cref="BoilerplateRule"/> compiled into a test on a line (trimmed of spaces and trailing dots and colons).</summary>
internal sealed class BoilerplateRuleMatcher
{
    private const string SentenceEnds = ".!?؟";

    /// <summary>The Arabic letters as ranges, for a vectorised "has an Arabic letter" test.</summary>
    private static readonly System.Buffers.SearchValues<char> ArabicLetters = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(ArabicScript.IsArabicLetter)]);

    private readonly BoilerplateRule _rule;
    private readonly Func<string, bool> _test;

    private BoilerplateRuleMatcher(BoilerplateRule rule, Func<string, bool> test)
    {
        _rule = rule;
        _test = test;
    }

    /// <summary>Gets the rule name.</summary>
    public string Name => _rule.Name;

    /// <summary>Compiles the rule.</summary>
    public static BoilerplateRuleMatcher From(BoilerplateRule rule)
    {
        var patterns = rule.Patterns.ToArray();
        Func<string, bool> test = rule.Match switch
        {
            "equals" => Equal(patterns),
            "startsWith" => line => patterns.Any(p => line.StartsWith(p, StringComparison.OrdinalIgnoreCase)),
            "contains" => line => patterns.Any(p => line.Contains(p, StringComparison.OrdinalIgnoreCase)),
            "regex" => Regexes(patterns, rule.MaxOtherWords),
            "labelled" => Labelled(patterns),
            "vocabulary" => Vocabulary(patterns),
            "symbols" => line => AtMostLetters(line, rule.MaxLetters),
            "latin" => line => !line.AsSpan().ContainsAny(ArabicLetters),
            _ => throw new InvalidOperationException($"Boilerplate rule '{rule.Name}' has unknown match '{rule.Match}'."),
        };
        return new BoilerplateRuleMatcher(rule, test);
    }

    /// <summary>True when the rule removes the line; <paramref name="original"/> is the line before trimming.</summary>
    public bool IsMatch(string trimmed, string original)
    {
        // Cheapest test first: every article line runs through every rule.
        if (_rule.MaxLineLength > 0 && trimmed.Length > _rule.MaxLineLength || !_test(trimmed))
        {
            return false;
        }

        if (_rule.MaxWords > 0 && PageWords.Count(trimmed, _rule.MaxWords + 1) > _rule.MaxWords)
        {
            return false;
        }

        return !(_rule.KeepsSentences && original.TrimEnd() is { Length: > 0 } end && SentenceEnds.Contains(end[^1]) && !end.EndsWith("..", StringComparison.Ordinal));
    }

    /// <summary>A set lookup, after a length check so that a long line is not hashed to no purpose.</summary>
    private static Func<string, bool> Equal(string[] patterns)
    {
        var set = new HashSet<string>(patterns, StringComparer.OrdinalIgnoreCase);
        var longest = patterns.Length == 0 ? 0 : patterns.Max(p => p.Length);
        return line => line.Length <= longest && set.Contains(line);
    }

    private static bool AtMostLetters(string line, int max)
    {
        var letters = 0;
        foreach (var c in line)
        {
            if (char.IsLetter(c) && ++letters > max)
            {
                return false;
            }
        }

        return true;
    }

    private static Func<string, bool> Regexes(string[] patterns, int maxOtherWords)
    {
        var regexes = patterns
            .Select(p => new Regex(p, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1)))
            .ToArray();
        return line =>
        {
            if (!regexes.Any(r => r.IsMatch(line)))
            {
                return false;
            }

            var rest = regexes.Aggregate(line, (text, r) => r.Replace(text, " "));
            return maxOtherWords < 0 || rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= maxOtherWords;
        };
    }

    /// <summary>
    /// A label such as <c>إعداد</c> or <c>الوسوم</c> and a colon, then anything: page furniture whatever follows.
    /// A label alone also matches (its colon was trimmed off the line's end).
    /// </summary>
    private static Func<string, bool> Labelled(string[] labels)
    {
        var alternatives = string.Join('|', labels.Select(l => Regex.Escape(ArabicScript.FoldForMatching(l)).Replace("\\ ", "\\s+", StringComparison.Ordinal)));
        var regex = new Regex($@"^[(\[]?\s*(?:{alternatives})\s*(?:[:：]|$)", RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

        // Only the start of a line can hold a label: fold that much, not the whole line.
        var prefix = labels.Max(l => l.Length) + 4;
        return line => regex.IsMatch(ArabicScript.FoldForMatching(line.Length <= prefix ? line : line[..prefix]) + (line.Length <= prefix ? string.Empty : "…"));
    }

    /// <summary>
    /// Every word is one of the patterns (folded), or holds no Arabic letter but a digit, or no letter at all; and at least
    /// one word is a pattern (a line of numbers and symbols alone is the <c>symbols</c> rule's).
    /// </summary>
    private static Func<string, bool> Vocabulary(string[] words)
    {
        var set = new HashSet<string>(words.Select(ArabicScript.FoldForMatching), StringComparer.Ordinal);
        return line =>
        {
            var known = 0;
            foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = token.Trim(PageWords.Punctuation);
                if (set.Contains(ArabicScript.FoldForMatching(word)))
                {
                    known++;
                }
                else if (word.Any(ArabicScript.IsArabicLetter) || word.Any(char.IsLetter) && !word.Any(char.IsDigit))
                {
                    return false;
                }
            }

            return known > 0;
        };
    }
}

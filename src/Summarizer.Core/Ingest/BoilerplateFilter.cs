using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Summarizer.Core.Ingest;

/// <summary>
/// Removes scraped-page junk line by line, by the rules in <c>BoilerplateRules.json</c>, and reports every line it removes.
/// </summary>
public sealed class BoilerplateFilter
{
    private const string ResourceName = "Summarizer.Core.Ingest.BoilerplateRules.json";
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly char[] TrimmedChars = [' ', '.', ':', '*', '…', '!', '|', '-', '،'];

    private readonly IReadOnlyList<CompiledRule> _rules;
    private readonly HashSet<string> _sectionLabels;

    /// <summary>Initializes a new instance of the <see cref="BoilerplateFilter"/> class with the built-in rules.</summary>
    public BoilerplateFilter()
        : this(LoadBuiltInRules())
    {
    }

    private BoilerplateFilter(RulesFile file)
        : this(file.Rules, file.SectionLabels)
    {
    }

    private BoilerplateFilter(IEnumerable<BoilerplateRule> rules, IEnumerable<string> sectionLabels)
    {
        _rules = rules.Select(CompiledRule.From).ToList();
        _sectionLabels = new HashSet<string>(sectionLabels, StringComparer.Ordinal);
    }

    /// <summary>Creates a filter with the given rules instead of the built-in ones.</summary>
    public static BoilerplateFilter FromRules(IEnumerable<BoilerplateRule> rules, IEnumerable<string> sectionLabels) => new(rules, sectionLabels);

    /// <summary>True when the line is a section label printed above a headline (for example سياسة).</summary>
    public bool IsSectionLabel(string line) => _sectionLabels.Contains(line.Trim().Trim(TrimmedChars));

    /// <summary>Returns the name of the first rule that removes the line, or <see langword="null"/> to keep it.</summary>
    public string? Match(string line)
    {
        var trimmed = line.Trim().Trim(TrimmedChars);
        if (trimmed.Length == 0)
        {
            return null;
        }

        foreach (var rule in _rules)
        {
            if (rule.IsMatch(trimmed))
            {
                return rule.Name;
            }
        }

        return null;
    }

    private static RulesFile LoadBuiltInRules()
    {
        using var stream = typeof(BoilerplateFilter).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var file = JsonSerializer.Deserialize<RulesFile>(stream, JsonOptions);
        return file ?? new RulesFile();
    }

    private sealed class RulesFile
    {
        public List<BoilerplateRule> Rules { get; set; } = [];

        public List<string> SectionLabels { get; set; } = [];
    }

    private sealed record CompiledRule(string Name, Func<string, bool> IsMatch)
    {
        public static CompiledRule From(BoilerplateRule rule)
        {
            var limit = rule.MaxLineLength;
            var patterns = rule.Patterns.ToArray();
            Func<string, bool> test = rule.Match switch
            {
                "equals" => line => patterns.Any(p => string.Equals(line, p, StringComparison.OrdinalIgnoreCase)),
                "startsWith" => line => patterns.Any(p => line.StartsWith(p, StringComparison.OrdinalIgnoreCase)),
                "contains" => line => patterns.Any(p => line.Contains(p, StringComparison.OrdinalIgnoreCase)),
                "regex" => Regexes(patterns, rule.MaxOtherWords),
                _ => throw new InvalidOperationException($"Boilerplate rule '{rule.Name}' has unknown match '{rule.Match}'."),
            };
            return new CompiledRule(rule.Name, line => (limit <= 0 || line.Length <= limit) && test(line));
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
    }
}

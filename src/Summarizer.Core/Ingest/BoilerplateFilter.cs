using System.Text.Json;

namespace Summarizer.Core.Ingest;

/// <summary>
/// Removes scraped-page junk line by line, by the rules in <c>BoilerplateRules.json</c>, and reports every line it removes.
/// The rules that need the whole page (where the headline is, what lies above it and below the article) are read from the
/// same file into <see cref="Layout"/> and applied by <see cref="PageLayout"/>.
/// </summary>
public sealed class BoilerplateFilter
{
    private const string ResourceName = "Summarizer.Core.Ingest.BoilerplateRules.json";
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly char[] TrimmedChars = [' ', '.', ':', '*', '…', '!', '|', '-', '،'];

    private readonly IReadOnlyList<BoilerplateRuleMatcher> _rules;
    private readonly HashSet<string> _sectionLabels;

    /// <summary>Initializes a new instance of the <see cref="BoilerplateFilter"/> class with the built-in rules.</summary>
    public BoilerplateFilter()
        : this(LoadBuiltInRules())
    {
    }

    private BoilerplateFilter(RulesFile file)
        : this(file.Rules, file.SectionLabels, file.Layout)
    {
    }

    private BoilerplateFilter(IEnumerable<BoilerplateRule> rules, IEnumerable<string> sectionLabels, PageLayoutRules layout)
    {
        _rules = rules.Select(BoilerplateRuleMatcher.From).ToList();
        _sectionLabels = new HashSet<string>(sectionLabels, StringComparer.Ordinal);
        Layout = layout;
    }

    /// <summary>Gets the rules that judge lines by their place on the page (headline, header, footer, repeats).</summary>
    public PageLayoutRules Layout { get; }

    /// <summary>Creates a filter with the given rules instead of the built-in ones.</summary>
    public static BoilerplateFilter FromRules(IEnumerable<BoilerplateRule> rules, IEnumerable<string> sectionLabels, PageLayoutRules? layout = null) =>
        new(rules, sectionLabels, layout ?? new PageLayoutRules());

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
            if (rule.IsMatch(trimmed, line))
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

        public PageLayoutRules Layout { get; set; } = new();
    }
}

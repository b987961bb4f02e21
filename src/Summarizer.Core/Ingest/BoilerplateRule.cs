namespace Summarizer.Core.Ingest;

/// <summary>One data-driven boilerplate rule, as read from <c>BoilerplateRules.json</c>.</summary>
public sealed class BoilerplateRule
{
    /// <summary>Gets or sets the rule name reported next to each line it removes.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets how patterns match: <c>equals</c>, <c>startsWith</c>, <c>contains</c> or <c>regex</c>.</summary>
    public string Match { get; set; } = "equals";

    /// <summary>Gets or sets the longest line the rule may remove; 0 means no limit.</summary>
    public int MaxLineLength { get; set; }

    /// <summary>Gets or sets, for regex rules, the most words allowed outside the matches; -1 means no limit.</summary>
    public int MaxOtherWords { get; set; } = -1;

    /// <summary>Gets or sets the patterns.</summary>
    public List<string> Patterns { get; set; } = [];
}

namespace Summarizer.Core.Ingest;

/// <summary>One data-driven boilerplate rule, as read from <c>BoilerplateRules.json</c>.</summary>
public sealed class BoilerplateRule
{
    /// <summary>Gets or sets the rule name reported next to each line it removes.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets how patterns match: <c>equals</c>, <c>startsWith</c>, <c>contains</c>, <c>regex</c>,
    /// <c>labelled</c> (a pattern then a colon), <c>vocabulary</c> (every word is a pattern, a number or a symbol),
    /// <c>symbols</c> (at most <see cref="MaxLetters"/> letters) or <c>latin</c> (no Arabic letter).
    /// </summary>
    public string Match { get; set; } = "equals";

    /// <summary>Gets or sets the longest line the rule may remove; 0 means no limit.</summary>
    public int MaxLineLength { get; set; }

    /// <summary>Gets or sets the most words a line the rule removes may have; 0 means no limit.</summary>
    public int MaxWords { get; set; }

    /// <summary>Gets or sets, for <c>symbols</c> rules, the most letters a line may hold.</summary>
    public int MaxLetters { get; set; }

    /// <summary>Gets or sets, for regex rules, the most words allowed outside the matches; -1 means no limit.</summary>
    public int MaxOtherWords { get; set; } = -1;

    /// <summary>Gets or sets a value indicating whether a line that ends with a full stop, question or exclamation mark is kept: it is a sentence.</summary>
    public bool KeepsSentences { get; set; }

    /// <summary>Gets or sets the patterns.</summary>
    public List<string> Patterns { get; set; } = [];
}

namespace Summarizer.Core.Ingest;

/// <summary>
/// The numbers behind <see cref="PageLayout"/>, read from the <c>layout</c> section of <c>BoilerplateRules.json</c>.
/// A line is article text (a body line) when it ends a sentence and has at least <see cref="BodyLineMinWords"/> words, has
/// at least <see cref="LongLineWords"/> words, or belongs to a hard-wrapped paragraph.
/// </summary>
public sealed class PageLayoutRules
{
    /// <summary>Gets or sets the fewest words a line needs to be taken as the headline.</summary>
    /// <value>The default value is 2.</value>
    public int HeadlineMinWords { get; set; } = 2;

    /// <summary>
    /// Gets or sets the most words of a line above the article, other than the headline, that is removed as page header;
    /// below the article, a lone line this short is removed too (a button, a label).
    /// </summary>
    /// <value>The default value is 6.</value>
    public int HeaderLineMaxWords { get; set; } = 6;

    /// <summary>Gets or sets the most words of a line below the article, without a sentence end, that is removed as page footer when it is one of a list or a teaser.</summary>
    /// <value>The default value is 15.</value>
    public int FooterLineMaxWords { get; set; } = 15;

    /// <summary>Gets or sets the fewest words of a line ending with a full stop, question or exclamation mark to count as article text.</summary>
    /// <value>The default value is 4.</value>
    public int BodyLineMinWords { get; set; } = 4;

    /// <summary>Gets or sets the words from which a line counts as article text whatever its punctuation.</summary>
    /// <value>The default value is 20.</value>
    public int LongLineWords { get; set; } = 20;
}

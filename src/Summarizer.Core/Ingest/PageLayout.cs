namespace Summarizer.Core.Ingest;

/// <summary>
/// Judges lines by their place on the page, once the line rules have run. The article is the span from the first to the
/// last line that reads as article text; above it, the first headline-like line is the headline and the other short lines
/// are site furniture (menus, dates, bylines); below it, short unpunctuated lines are furniture too (related headlines,
/// teasers, buttons); and a repeat of a line already kept goes. The numbers are in <see cref="PageLayoutRules"/>.
/// </summary>
public sealed class PageLayout(BoilerplateFilter boilerplate)
{
    /// <summary>The rule name reported for a line above the article that is not its headline.</summary>
    public const string HeaderRule = "page-header";

    /// <summary>The rule name reported for a short line below the article that ends no sentence.</summary>
    public const string FooterRule = "page-footer";

    /// <summary>The rule name reported for a line that repeats the headline or an earlier line.</summary>
    public const string RepeatRule = "repeated-line";

    private const string SentenceEnds = ".!?؟";
    private static readonly char[] Closers = [.. "”»)\"″’"];

    private readonly PageLayoutRules _rules = boilerplate.Layout;

    /// <summary>
    /// Applies the layout rules to the lines and returns the headline: <paramref name="formatTitle"/> when the format
    /// declares one, else the line chosen here, else <see langword="null"/>.
    /// </summary>
    internal string? Apply(IReadOnlyList<PageLine> lines, string? formatTitle, int maxTitleLength)
    {
        var width = LineWrap.Width(lines.Select(l => l.Text).ToList());
        var kept = lines.Where(l => l.IsKept).ToList();
        var body = kept.Select(l => IsBodyLine(lines, l, width)).ToList();
        var first = body.IndexOf(true);
        var title = formatTitle;
        if (first < 0)
        {
            // Nothing reads as article text (a few short lines): only a first line followed by more can be the headline.
            if (title is null && kept.Count > 1 && IsHeadline(kept[0], maxTitleLength))
            {
                kept[0].IsMetadata = true;
                title = kept[0].Text;
            }
        }
        else
        {
            title = TakeHeader(kept[..first], title, maxTitleLength);
            var last = body.LastIndexOf(true);
            RemoveFooter(lines, kept[(last + 1)..]);
        }

        RemoveRepeats(lines, title);
        return title;
    }

    /// <summary>Takes the headline from the lines above the article and removes the short ones around it.</summary>
    private string? TakeHeader(List<PageLine> header, string? title, int maxTitleLength)
    {
        // Menus, bylines and dates are shorter than a headline: of the headline-like lines, the one of most words wins.
        var headline = title is not null
            ? header.Find(l => string.Equals(l.Text, title, StringComparison.Ordinal))
            : header.Where(l => IsHeadline(l, maxTitleLength)).MaxBy(l => PageWords.Count(l.Text));
        var seenHeadline = false;
        foreach (var line in header)
        {
            if (line == headline)
            {
                line.IsMetadata = true;
                seenHeadline = true;
            }
            else if (headline is not null && string.Equals(line.Text, headline.Text, StringComparison.Ordinal))
            {
                line.RemovedBy = RepeatRule;
            }
            else if (title is null && headline is not null && !seenHeadline || PageWords.Count(line.Text, _rules.HeaderLineMaxWords + 1) <= _rules.HeaderLineMaxWords)
            {
                // Above the headline is site furniture; below it, a short line is a byline or date, a long one a standfirst.
                line.RemovedBy = HeaderRule;
            }
        }

        return title ?? headline?.Text;
    }

    /// <summary>
    /// Removes the footer lines below the article, except a list the article introduces with a colon ("وتشمل الخطة:")
    /// and its items on the lines right below it: those are article text that happens to lack full stops.
    /// </summary>
    private void RemoveFooter(IReadOnlyList<PageLine> lines, List<PageLine> tail)
    {
        var listLine = -1;
        foreach (var line in tail)
        {
            // The list runs from its colon line over the lines right below it, and ends at a blank or a removed line.
            if (line.Text.EndsWith(':') || listLine >= 0 && line.Number == listLine + 1)
            {
                listLine = line.Number;
            }
            else if (IsFooterLine(lines, line))
            {
                line.RemovedBy = FooterRule;
            }
        }
    }

    /// <summary>
    /// A line below the article is furniture when it ends no sentence and is short: a button or label (a few words), a
    /// teaser cut off with an ellipsis, a note in brackets (wire credits: "(تغطية صحفية … تحرير …)"), or one of a list of
    /// lines with no blank line between them (related headlines).
    /// A lone unpunctuated paragraph of more words stays: scraped articles often lose their last full stop.
    /// </summary>
    private bool IsFooterLine(IReadOnlyList<PageLine> lines, PageLine line)
    {
        var words = PageWords.Count(line.Text, _rules.FooterLineMaxWords + 1);
        if (EndsSentence(line.Text) || words > _rules.FooterLineMaxWords)
        {
            return false;
        }

        var inList = line.Number >= 2 && lines[line.Number - 2].Text.Length > 0 || line.Number < lines.Count && lines[line.Number].Text.Length > 0;
        var bracketed = line.Text is ['(' or '[', .., ')' or ']'];
        return words <= _rules.HeaderLineMaxWords || inList || bracketed || line.Text.EndsWith("...", StringComparison.Ordinal) || line.Text.EndsWith('…');
    }

    private static void RemoveRepeats(IReadOnlyList<PageLine> lines, string? title)
    {
        // Repeats are copies of the same markup: exact text, so nothing needs folding.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (title is not null)
        {
            seen.Add(title);
        }

        foreach (var line in lines.Where(l => l.IsKept))
        {
            if (!seen.Add(line.Text))
            {
                line.RemovedBy = RepeatRule;
            }
        }
    }

    private bool IsHeadline(PageLine line, int maxTitleLength)
    {
        var text = line.Text;
        var (share, _) = ArabicScript.ArabicLetterShare(text);
        return text.Length <= maxTitleLength
            && share >= 0.5
            && PageWords.Count(text) >= _rules.HeadlineMinWords
            && text[^1] is not ('.' or '،' or ',' or ';' or '؛' or ':' or '…')
            && !text.Contains(" , ", StringComparison.Ordinal);
    }

    private bool IsBodyLine(IReadOnlyList<PageLine> lines, PageLine line, int? width)
    {
        // A question mark alone does not make article text: headlines ask questions ("… ما تفاصيله؟").
        var words = PageWords.Count(line.Text, _rules.LongLineWords);
        if (words >= _rules.LongLineWords || EndsSentence(line.Text) && !line.Text.EndsWith('؟') && !line.Text.EndsWith('?') && words >= _rules.BodyLineMinWords)
        {
            return true;
        }

        // Lines[] is 0-based, Number 1-based: the neighbours are Number - 2 and Number.
        var previous = line.Number >= 2 ? lines[line.Number - 2].Text : null;
        var next = line.Number < lines.Count ? lines[line.Number].Text : null;
        return width is not null && (LineWrap.RunsOn(line.Text, next, width) || LineWrap.RunsOn(previous, line.Text, width));
    }

    /// <summary>True when the line ends with a full stop, question or exclamation mark (closing quotes aside); an ellipsis ends a teaser, not a sentence.</summary>
    private static bool EndsSentence(string text)
    {
        var end = text.TrimEnd().TrimEnd(Closers);
        return end.Length > 0 && SentenceEnds.Contains(end[^1]) && !end.EndsWith("..", StringComparison.Ordinal);
    }
}

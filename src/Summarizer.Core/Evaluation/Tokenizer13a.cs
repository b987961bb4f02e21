using System.Text.RegularExpressions;

namespace Summarizer.Core.Evaluation;

/// <summary>
/// sacreBLEU's <c>13a</c> tokeniser (mteval-v13a): ASCII symbols split off, dots and commas split unless between digits,
/// a dash split after a digit, then the line cut into tokens on white space as Python's <c>str.split()</c> cuts it.
/// </summary>
internal static partial class Tokenizer13a
{
    /// <summary>Tokenises one segment the way <c>BLEU()</c> does before counting n-grams.</summary>
    public static string[] Tokenize(string text)
    {
        // BLEU strips trailing white space before tokenising, so a segment ending in "-\n" keeps its dash.
        var line = SacreBleuText.TrimEnd(text)
            .Replace("<skipped>", string.Empty, StringComparison.Ordinal)
            .Replace("-\n", string.Empty, StringComparison.Ordinal)
            .Replace('\n', ' ');
        if (line.Contains('&', StringComparison.Ordinal))
        {
            line = line.Replace("&quot;", "\"", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal)
                .Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal);
        }

        line = $" {line} ";
        line = Symbols().Replace(line, " $1 ");
        line = DotCommaAfterNonDigit().Replace(line, "$1 $2 ");
        line = DotCommaBeforeNonDigit().Replace(line, " $1 $2");
        line = DashAfterDigit().Replace(line, "$1 $2 ");

        // Tabs, no-break spaces and the other white space Python knows separate tokens too, not only ' '.
        return SacreBleuText.Split(line);
    }

    // [0-9] rather than \d: .NET's \d matches every Unicode decimal digit (Arabic-Indic too), Python's class here only ASCII.
    [GeneratedRegex(@"([\{-\~\[-\` -\&\(-\+\:-\@\/])")]
    private static partial Regex Symbols();

    [GeneratedRegex(@"([^0-9])([\.,])")]
    private static partial Regex DotCommaAfterNonDigit();

    [GeneratedRegex(@"([\.,])([^0-9])")]
    private static partial Regex DotCommaBeforeNonDigit();

    [GeneratedRegex(@"([0-9])(-)")]
    private static partial Regex DashAfterDigit();
}

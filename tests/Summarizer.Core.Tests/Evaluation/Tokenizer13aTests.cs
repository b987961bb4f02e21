using Summarizer.Core.Evaluation;

namespace Summarizer.Core.Tests.Evaluation;

/// <summary>The 13a tokeniser against tokens worked out from sacreBLEU 2.6.0's tokenizer_13a.py and tokenizer_re.py.</summary>
public class Tokenizer13aTests
{
    [Fact]
    public void Punctuation_is_split_off_but_decimals_and_thousands_stay_together()
    {
        // A dash after a digit is split; a dot or comma between digits is not.
        Assert.Equal(["It", "cost", "1.39", "billion", "(", "2016", "-", "2022", ")", "and", "4,300", "."], Tokenizer13a.Tokenize("It cost 1.39 billion (2016-2022) and 4,300."));
    }

    [Fact]
    public void Ascii_symbols_are_tokens_of_their_own()
    {
        Assert.Equal(["$", "5", "+", "a", "<", "b", "=", "c", ">", "d", "^", "e", "|", "f", "~", "g"], Tokenizer13a.Tokenize("$5+a<b=c>d^e|f~g"));
    }

    [Fact]
    public void Unicode_punctuation_stays_on_its_word()
    {
        // Only the ASCII comma is split: “Yes , ” he said…
        Assert.Equal(["“Yes", ",", "”", "he", "said…"], Tokenizer13a.Tokenize("“Yes,” he said…"));
        Assert.Equal(["«نعم»", "قال؟", "„ja‚"], Tokenizer13a.Tokenize("«نعم» قال؟ „ja‚"));
    }

    [Fact]
    public void White_space_is_what_python_calls_white_space()
    {
        Assert.Equal(["a", "b", "c", "d", "e"], Tokenizer13a.Tokenize("a\tb\u00A0c\u001Fd\u2003e"));
    }

    [Fact]
    public void Line_breaks_entities_and_skipped_markers_are_handled_as_mteval_does()
    {
        // "-\n" joins the halves of a hyphenated word, other newlines are spaces, four entities are decoded,
        // and a trailing "-\n" is stripped of its newline first, so the dash stays.
        Assert.Equal(["a", "wellknown", "&", "x"], Tokenizer13a.Tokenize("a well-\nknown &amp;<skipped>\nx"));
        Assert.Equal(["x-"], Tokenizer13a.Tokenize("x-\n"));
    }
}

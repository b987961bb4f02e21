using Microsoft.ML.Tokenizers;

namespace Summarizer.Core.Tokens;

/// <summary>
/// Counts tokens with the o200k_base encoding (GPT-4o and later) from Microsoft.ML.Tokenizers; the vocabulary ships
/// in the Microsoft.ML.Tokenizers.Data.O200kBase package, so nothing is downloaded.
/// </summary>
/// <remarks>
/// Loading the vocabulary (200,000 entries) is the largest single cost of starting <c>summarizer plan</c>, about
/// 150–200 ms. It is loaded once per counter, never before a counter is asked for (so <c>--help</c> and commands that
/// count nothing never load it), and on the thread pool as soon as one is: whoever asks for a counter is about to
/// count, and the load then overlaps with building the rest of the command's services and reading its files.
/// The first count waits for the load if it has not finished.
/// </remarks>
public sealed class O200kTokenCounter : ITokenCounter
{
    /// <summary>
    /// The longest run without white space counted in one piece. Byte-pair merging is quadratic in the length of a run
    /// (16,000 letters take 0.7 s, 60,000 about 10 s, and segmentation counts a run many times), and no word comes near
    /// this; a longer run (a base64 blob, a scraped page's glued text) is counted in slices of this length, which
    /// over-counts by at most one token per slice: an estimate on the safe side, reached in linear time.
    /// </summary>
    internal const int MaxRunChars = 256;

    private readonly Lazy<Tokenizer> _tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    /// <summary>Initializes a new instance of the <see cref="O200kTokenCounter"/> class and starts loading the vocabulary.</summary>
    public O200kTokenCounter() => _ = Task.Run(() => _tokenizer.Value);

    /// <inheritdoc />
    public string EncodingName => "o200k_base";

    /// <inheritdoc />
    public int Count(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        var tokenizer = _tokenizer.Value;
        var total = 0;
        var from = 0;
        var run = 0;
        for (var i = 0; i < text.Length; i++)
        {
            run = char.IsWhiteSpace(text[i]) ? 0 : run + 1;

            // Cut inside a long run, never between the halves of a surrogate pair; text without such runs is counted whole, exactly.
            if (run >= MaxRunChars && !char.IsLowSurrogate(text[i]) && i > from)
            {
                total += tokenizer.CountTokens(text[from..i]);
                from = i;
                run = 1;
            }
        }

        return total + tokenizer.CountTokens(text[from..]);
    }
}

using Microsoft.ML.Tokenizers;

namespace Summarizer.Core.Chunking;

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
    private readonly Lazy<Tokenizer> _tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    /// <summary>Initializes a new instance of the <see cref="O200kTokenCounter"/> class and starts loading the vocabulary.</summary>
    public O200kTokenCounter() => _ = Task.Run(() => _tokenizer.Value);

    /// <inheritdoc />
    public string EncodingName => "o200k_base";

    /// <inheritdoc />
    public int Count(ReadOnlySpan<char> text) => text.IsEmpty ? 0 : _tokenizer.Value.CountTokens(text);
}

using Microsoft.ML.Tokenizers;

namespace Summarizer.Core.Chunking;

/// <summary>
/// Counts tokens with the o200k_base encoding (GPT-4o and later) from Microsoft.ML.Tokenizers; the vocabulary ships
/// in the Microsoft.ML.Tokenizers.Data.O200kBase package, so nothing is downloaded.
/// </summary>
public sealed class O200kTokenCounter : ITokenCounter
{
    private readonly Tokenizer _tokenizer = TiktokenTokenizer.CreateForEncoding("o200k_base");

    /// <inheritdoc />
    public string EncodingName => "o200k_base";

    /// <inheritdoc />
    public int Count(ReadOnlySpan<char> text) => text.IsEmpty ? 0 : _tokenizer.CountTokens(text);
}

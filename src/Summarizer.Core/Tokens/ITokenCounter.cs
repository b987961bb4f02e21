namespace Summarizer.Core.Tokens;

/// <summary>Counts model tokens in text.</summary>
public interface ITokenCounter
{
    /// <summary>Gets the name of the encoding, for reports (for example <c>o200k_base</c>).</summary>
    string EncodingName { get; }

    /// <summary>Counts the tokens of the text.</summary>
    int Count(ReadOnlySpan<char> text);
}

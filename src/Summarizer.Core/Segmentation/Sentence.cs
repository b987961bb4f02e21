namespace Summarizer.Core.Segmentation;

/// <summary>A sentence of an article: where it is in the normalised text and how many tokens it costs.</summary>
/// <param name="Id">The sentence id, <c>s1</c>..<c>sN</c> in reading order; citations use it.</param>
/// <param name="Start">The offset of the first character in <see cref="Ingest.Article.Text"/>.</param>
/// <param name="Length">The length in characters; <c>Text == article.Text.Substring(Start, Length)</c>.</param>
/// <param name="Text">The sentence text.</param>
/// <param name="Paragraph">The 1-based paragraph the sentence belongs to.</param>
/// <param name="Tokens">The token count of <paramref name="Text"/>.</param>
public sealed record Sentence(string Id, int Start, int Length, string Text, int Paragraph, int Tokens)
{
    /// <summary>Gets the offset just past the last character.</summary>
    public int End => Start + Length;
}

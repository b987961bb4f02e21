namespace Summarizer.Core.Segmentation;

/// <summary>A sentence found by <see cref="SentenceSplitter"/>, before ids and token counts: a range of the text.</summary>
/// <param name="Start">The offset of the first character.</param>
/// <param name="End">The offset just past the last character.</param>
/// <param name="Paragraph">The 1-based paragraph number.</param>
public readonly record struct SentenceSpan(int Start, int End, int Paragraph)
{
    /// <summary>Gets the length in characters.</summary>
    public int Length => End - Start;
}

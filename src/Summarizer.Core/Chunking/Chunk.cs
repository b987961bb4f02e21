using Summarizer.Core.Segmentation;

namespace Summarizer.Core.Chunking;

/// <summary>A run of whole sentences sent to the model together, with preceding sentences as read-only context.</summary>
/// <param name="Id">The chunk id: <c>c1</c>..<c>cN</c> within its article.</param>
/// <param name="Sentences">The sentences to translate; never split across chunks.</param>
/// <param name="Context">The sentences just before the chunk, for reference only.</param>
/// <param name="SourceTokens">The sum of the sentences' token counts; never above the budget.</param>
public sealed record Chunk(string Id, IReadOnlyList<Sentence> Sentences, IReadOnlyList<Sentence> Context, int SourceTokens)
{
    /// <summary>Gets the token count of the context sentences.</summary>
    public int ContextTokens => Context.Sum(s => s.Tokens);
}

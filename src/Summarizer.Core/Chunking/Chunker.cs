using System.Globalization;
using Microsoft.Extensions.Options;
using Summarizer.Core.Segmentation;

namespace Summarizer.Core.Chunking;

/// <summary>
/// Packs sentences into chunks greedily within the source-token budget, on sentence boundaries,
/// and gives each chunk the sentences before it as read-only context.
/// </summary>
public sealed class Chunker(IOptions<ChunkingOptions> options)
{
    /// <summary>Chunks with the configured budget.</summary>
    public IReadOnlyList<Chunk> Chunk(IReadOnlyList<Sentence> sentences) =>
        Chunk(sentences, options.Value.MaxSourceTokens, options.Value.ContextSentences);

    /// <summary>Chunks with an explicit budget and context size.</summary>
    /// <exception cref="ArgumentException">A sentence is longer than the budget (segment with the same budget first).</exception>
    public IReadOnlyList<Chunk> Chunk(IReadOnlyList<Sentence> sentences, int maxTokens, int contextSentences)
    {
        var chunks = new List<Chunk>();
        var first = 0;
        var total = 0;
        for (var i = 0; i < sentences.Count; i++)
        {
            var size = sentences[i].Tokens;
            if (size > maxTokens)
            {
                throw new ArgumentException($"Sentence {sentences[i].Id} has {size} tokens, over the budget of {maxTokens}.", nameof(sentences));
            }

            if (i > first && total + size > maxTokens)
            {
                Close(i);
            }

            total += size;
        }

        if (first < sentences.Count)
        {
            Close(sentences.Count);
        }

        return chunks;

        void Close(int end)
        {
            var id = "c" + (chunks.Count + 1).ToString(CultureInfo.InvariantCulture);
            var contextStart = Math.Max(0, first - contextSentences);
            chunks.Add(new Chunk(
                id,
                sentences.Skip(first).Take(end - first).ToList(),
                sentences.Skip(contextStart).Take(first - contextStart).ToList(),
                total));
            first = end;
            total = 0;
        }
    }
}

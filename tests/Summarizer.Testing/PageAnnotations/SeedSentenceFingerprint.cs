using System.Security.Cryptography;
using System.Text;
using Summarizer.Core.Ingest;
using Summarizer.Core.Segmentation;

namespace Summarizer.Testing.PageAnnotations;

/// <summary>
/// A short hash of a seed's sentences (ids, offsets and text): two runs with the same fingerprint pay nothing again
/// for that article, so a rule change shows which seeds it re-segments.
/// </summary>
/// <param name="Seed">The seed number prefix (000..004).</param>
/// <param name="Sentences">The number of sentences.</param>
/// <param name="Hash">The first 12 hex digits of the SHA-256 of the sentence list.</param>
public sealed record SeedSentenceFingerprint(string Seed, int Sentences, string Hash)
{
    /// <summary>Computes the fingerprints of all five seeds.</summary>
    public static IReadOnlyList<SeedSentenceFingerprint> ComputeAll(ArticleIngestor ingestor, SentenceSegmenter segmenter) =>
        Directory.GetFiles(RepositoryPaths.Seeds, "*.txt").Order(StringComparer.Ordinal)
            .Select(file =>
            {
                var article = ingestor.IngestAsync(file).GetAwaiter().GetResult().Single().Article!;
                var sentences = segmenter.Segment(article.Text, new Summarizer.Core.Chunking.ChunkingOptions().MaxSourceTokens);
                var list = string.Join('\u001E', sentences.Select(s => $"{s.Id}\u001F{s.Start}\u001F{s.Length}\u001F{s.Text}"));
                var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(list)))[..12];
                return new SeedSentenceFingerprint(Path.GetFileName(file)[..3], sentences.Count, hash);
            })
            .ToList();

    /// <summary>Formats the fingerprint as one report line.</summary>
    public override string ToString() => $"seed {Seed}: {Sentences} sentences, {Hash}";
}

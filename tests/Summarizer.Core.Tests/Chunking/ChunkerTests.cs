using Summarizer.Core.Chunking;
using Summarizer.Core.Segmentation;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Chunking;

public class ChunkerTests
{
    private readonly SentenceSegmenter _segmenter = CoreServices.Get<SentenceSegmenter>();
    private readonly Chunker _chunker = CoreServices.Get<Chunker>();

    [Fact]
    public void A_6000_word_article_gives_many_chunks_none_over_budget()
    {
        var sentences = _segmenter.Segment(new SyntheticArabic(1).Article(6000), 600);

        var chunks = _chunker.Chunk(sentences, 600, 2);

        Assert.True(chunks.Count >= 10, $"{chunks.Count} chunks");
        Assert.All(chunks, c => Assert.True(c.SourceTokens <= 600, $"{c.Id} has {c.SourceTokens} tokens"));
        Assert.All(chunks, c => Assert.Equal(c.Sentences.Sum(s => s.Tokens), c.SourceTokens));
    }

    [Fact]
    public void Every_sentence_lands_in_exactly_one_chunk_in_order()
    {
        var sentences = _segmenter.Segment(new SyntheticArabic(2).Article(2000), 200);

        var chunks = _chunker.Chunk(sentences, 200, 2);

        Assert.Equal(sentences.Select(s => s.Id), chunks.SelectMany(c => c.Sentences).Select(s => s.Id));
        Assert.Equal(Enumerable.Range(1, chunks.Count).Select(i => $"c{i}"), chunks.Select(c => c.Id));
    }

    [Fact]
    public void Each_chunk_carries_the_two_preceding_sentences_as_context()
    {
        var sentences = _segmenter.Segment(new SyntheticArabic(3).Article(1500), 150);

        var chunks = _chunker.Chunk(sentences, 150, 2);

        Assert.Empty(chunks[0].Context);
        foreach (var (previous, chunk) in chunks.Zip(chunks.Skip(1)))
        {
            var expected = chunks.SelectMany(c => c.Sentences).TakeWhile(s => s.Id != chunk.Sentences[0].Id).TakeLast(2);
            Assert.Equal(expected.Select(s => s.Id), chunk.Context.Select(s => s.Id));
            Assert.Equal(previous.Sentences[^1].Id, chunk.Context[^1].Id);
        }
    }

    [Fact]
    public void Fills_chunks_greedily_so_the_next_sentence_would_not_fit()
    {
        var sentences = _segmenter.Segment(new SyntheticArabic(4).Article(3000), 300);

        var chunks = _chunker.Chunk(sentences, 300, 2);

        foreach (var (chunk, next) in chunks.Zip(chunks.Skip(1)))
        {
            Assert.True(chunk.SourceTokens + next.Sentences[0].Tokens > 300);
        }
    }

    [Fact]
    public void An_article_with_no_punctuation_is_chunked_within_budget()
    {
        var text = new SyntheticArabic(5).Unpunctuated(4000);
        var sentences = _segmenter.Segment(text, 250);

        var chunks = _chunker.Chunk(sentences, 250, 2);

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, c => Assert.True(c.SourceTokens <= 250));
    }

    [Fact]
    public void Refuses_a_sentence_longer_than_the_budget()
    {
        var sentences = _segmenter.Segment("جملة طويلة نسبيا تتجاوز الحد المسموح به من الرموز.", 600);

        Assert.Throws<ArgumentException>(() => _chunker.Chunk(sentences, 3, 2));
    }

    [Fact]
    public void An_article_with_no_sentences_has_no_chunks()
    {
        Assert.Empty(_chunker.Chunk([], 600, 2));
    }
}

using Summarizer.Core.Chunking;
using Summarizer.Core.Segmentation;
using Summarizer.Testing;
using Summarizer.Core.Tokens;

namespace Summarizer.Core.Tests.Segmentation;

public class SentenceSegmenterTests
{
    private readonly SentenceSegmenter _segmenter = CoreServices.Get<SentenceSegmenter>();
    private readonly ITokenCounter _tokens = CoreServices.Get<ITokenCounter>();

    [Fact]
    public void Numbers_sentences_s1_to_sN_in_reading_order_with_offsets_into_the_text()
    {
        const string text = "الجملة الأولى.\nالجملة الثانية , وبدأت الجملة الثالثة\n\nالجملة الرابعة؟";

        var sentences = _segmenter.Segment(text, 600);

        Assert.Equal(["s1", "s2", "s3", "s4"], sentences.Select(s => s.Id));
        Assert.All(sentences, s => Assert.Equal(s.Text, text.Substring(s.Start, s.Length)));
        Assert.All(sentences, s => Assert.Equal(_tokens.Count(s.Text), s.Tokens));
    }

    [Fact]
    public void Cuts_a_sentence_longer_than_the_budget_at_an_arabic_comma()
    {
        var clause = string.Join(' ', Enumerable.Repeat("وأكد المسؤولون أهمية التعاون", 6));
        var text = $"{clause}، {clause}، {clause}.";

        var sentences = _segmenter.Segment(text, 60);

        Assert.True(sentences.Count > 1);
        Assert.All(sentences, s => Assert.True(s.Tokens <= 60, $"{s.Id} has {s.Tokens} tokens"));
        Assert.All(sentences.SkipLast(1), s => Assert.EndsWith("،", s.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Cuts_text_without_any_punctuation_at_white_space_within_budget()
    {
        var text = new SyntheticArabic(7).Unpunctuated(3000);

        var sentences = _segmenter.Segment(text, 100);

        Assert.True(sentences.Count >= 20, $"{sentences.Count} sentences");
        Assert.All(sentences, s => Assert.InRange(s.Tokens, 1, 100));
        Assert.All(sentences, s => Assert.Equal(s.Text, text.Substring(s.Start, s.Length)));
        Assert.Equal(text.Split(' ').Length, sentences.Sum(s => s.Text.Split(' ').Length));
    }

    [Fact]
    public void Cuts_a_single_word_longer_than_the_budget_between_characters()
    {
        var text = string.Concat(Enumerable.Repeat("ابتثجحخدذرزسشصضطظعغفقكلمنهوي", 40));

        var sentences = _segmenter.Segment(text, 50);

        Assert.All(sentences, s => Assert.True(s.Tokens <= 50));
        Assert.Equal(text, string.Concat(sentences.Select(s => s.Text)));
    }

    [Fact]
    public async Task Seed_sentence_ids_are_contiguous_and_offsets_map_back_to_the_text()
    {
        var ingestor = CoreServices.Get<Core.Ingest.ArticleIngestor>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Seeds))
        {
            var article = (await ingestor.IngestAsync(file)).Single().Article!;

            var sentences = _segmenter.Segment(article.Text, new Summarizer.Core.Chunking.ChunkingOptions().MaxSourceTokens);

            Assert.Equal(Enumerable.Range(1, sentences.Count).Select(i => $"s{i}"), sentences.Select(s => s.Id));
            Assert.All(sentences, s => Assert.Equal(s.Text, article.Text.Substring(s.Start, s.Length)));
            Assert.True(sentences.Zip(sentences.Skip(1)).All(p => p.First.End <= p.Second.Start), "sentences overlap or are out of order");
        }
    }
}

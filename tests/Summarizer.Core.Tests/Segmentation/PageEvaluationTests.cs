using Summarizer.Core.Ingest;
using Summarizer.Core.Segmentation;
using Summarizer.Testing;
using Summarizer.Testing.PageAnnotations;
using Xunit.Abstractions;

namespace Summarizer.Core.Tests.Segmentation;

/// <summary>
/// Ingest and segmentation scored against hand annotations: the five real seeds (offsets only) and the synthetic scraped
/// pages in tests/Summarizer.Testing/TestData/ScrapedPages. The same report prints with
/// <c>dotnet run -c Release --project bench/Summarizer.Benchmarks -- segmentation details</c>.
/// </summary>
public class PageEvaluationTests(ITestOutputHelper output)
{
    private readonly ArticleIngestor _ingestor = CoreServices.Get<ArticleIngestor>();
    private readonly SentenceSegmenter _segmenter = CoreServices.Get<SentenceSegmenter>();

    [Fact]
    public void Seed_annotations_end_sentences_on_article_lines_only()
    {
        foreach (var seed in AnnotatedPageReader.ReadSeeds())
        {
            Assert.NotEmpty(seed.SentenceEnds);
            Assert.All(seed.SentenceEnds, end => Assert.True(
                end > 0 && end <= seed.Text.Length && seed.IsBodyLine(seed.Text[..end].Count(c => c == '\n') + 1),
                $"seed {seed.Name}: end {end} is not on an article line"));
        }
    }

    [Fact]
    public void Synthetic_pages_come_in_two_halves_of_at_least_twelve_annotated_pages()
    {
        foreach (var half in new[] { "dev", "heldout" })
        {
            var pages = AnnotatedPageReader.ReadPages(half);

            Assert.True(pages.Count >= 12, $"{half}: {pages.Count} pages");
            Assert.All(pages, page => Assert.NotEmpty(page.SentenceEnds));
        }
    }

    [Fact]
    public void Reports_boundary_and_junk_scores_on_the_seeds_and_the_synthetic_pages()
    {
        var (scores, text) = PageEvaluationReport.Run(_ingestor, _segmenter, details: true);
        output.WriteLine(text);

        Assert.Equal(5, scores["seeds"].Pages);
    }

    /// <summary>
    /// A seed whose fingerprint changes is re-segmented, so a re-run pays again for it: update an entry only for a boundary
    /// change that is meant, and say which seeds changed in the commit.
    /// </summary>
    [Theory]
    [InlineData("000", 14, "80565fab2b06")]
    [InlineData("001", 21, "2777271c8248")]
    [InlineData("002", 11, "078369c57438")]
    [InlineData("003", 8, "2f87f94b835f")]
    [InlineData("004", 13, "fe2a933481ea")]
    public void Seed_sentence_lists_change_only_where_boundaries_were_meant_to(string seed, int sentences, string hash)
    {
        var fingerprint = SeedSentenceFingerprint.ComputeAll(_ingestor, _segmenter).Single(f => f.Seed == seed);

        Assert.Equal((sentences, hash), (fingerprint.Sentences, fingerprint.Hash));
    }
}

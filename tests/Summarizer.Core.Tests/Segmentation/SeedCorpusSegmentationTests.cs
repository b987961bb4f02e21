using Summarizer.Core.Ingest;
using Summarizer.Core.Segmentation;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Segmentation;

/// <summary>Sentence boundaries on the tricky spots of the real seeds listed in ../shared/corpus/README.md.</summary>
public class SeedCorpusSegmentationTests
{
    private readonly ArticleIngestor _ingestor = CoreServices.Get<ArticleIngestor>();
    private readonly SentenceSegmenter _segmenter = CoreServices.Get<SentenceSegmenter>();

    [Fact]
    public async Task Seed_000_splits_at_the_space_comma_space_joiner_before_a_new_main_clause_only()
    {
        var sentences = await SentencesAsync("000");

        Assert.EndsWith("على الموصل شمال العراق", sentences[0], StringComparison.Ordinal);
        Assert.StartsWith("وشارك دبلوماسيون كنديون", sentences[1], StringComparison.Ordinal);
        Assert.Single(sentences, s => s.Contains("في بغداد , تغريدة", StringComparison.Ordinal));
        Assert.Single(sentences, s => s.Contains("المتطرق , ضمن مساهمتها", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seed_000_keeps_parenthesised_years_and_arabic_commas_inside_sentences()
    {
        var sentence = (await SentencesAsync("000")).Single(s => s.Contains("4 مليارات", StringComparison.Ordinal));

        Assert.Contains("(2016-2022)", sentence, StringComparison.Ordinal);
        Assert.StartsWith("ولمعالجة الأسباب", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_001_splits_a_quotation_at_its_full_stops_and_its_lone_dot_line_joins_the_last_quoted_sentence()
    {
        var sentences = await SentencesAsync("001");

        Assert.EndsWith("الأعداد اللازمة.", sentences.Single(s => s.StartsWith("وقال سجان", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("ونحن بالتالي لا نقلّصها.", sentences);
        Assert.EndsWith("”\n.", sentences.Single(s => s.StartsWith("ويمكننا أن", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(sentences, s => s.Trim() == ".");
    }

    [Fact]
    public async Task Seed_001_keeps_a_fronted_phrase_and_its_main_clause_in_one_sentence()
    {
        var sentences = await SentencesAsync("001");

        Assert.Single(sentences, s => s.StartsWith("وبحسب البيان , بحث", StringComparison.Ordinal));
        Assert.Single(sentences, s => s.StartsWith("وفي 31 مارس الماضي , أكّد", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seed_002_keeps_decimal_numbers_and_spelled_out_numbers_whole()
    {
        var sentences = await SentencesAsync("002");

        Assert.Single(sentences, s => s.Contains("بمقدار 1.39 مليار دولار", StringComparison.Ordinal));
        Assert.Single(sentences, s => s.Contains("خسر سبعة عشر جندياً", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seed_003_keeps_a_dated_parenthesis_and_question_free_quotes_in_one_sentence()
    {
        var sentences = await SentencesAsync("003");

        var first = sentences[0];
        Assert.Contains("(27 تشرين الأول 2024)", first, StringComparison.Ordinal);
        Assert.EndsWith("فهذا ليس بصحيح\".", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_004_splits_a_quoted_paragraph_into_its_sentences()
    {
        var sentences = await SentencesAsync("004");

        Assert.Contains(sentences, s => s.EndsWith("هزيمة داعش إقليمياً.", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.StartsWith("ومع ذلك، فإن داعش", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.Contains("4.3 مليار جنيه", StringComparison.Ordinal));
    }

    private async Task<List<string>> SentencesAsync(string prefix)
    {
        var article = (await _ingestor.IngestAsync(RepositoryPaths.Seed(prefix))).Single().Article!;
        return _segmenter.Segment(article.Text, new Summarizer.Core.Chunking.ChunkingOptions().MaxSourceTokens).Select(s => s.Text).ToList();
    }
}

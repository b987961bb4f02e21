using Summarizer.Core.Ingest;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Ingest;

/// <summary>The five real scraped articles in ../shared/corpus/seeds, read from there.</summary>
public class SeedCorpusIngestTests
{
    private readonly ArticleIngestor _ingestor = CoreServices.Get<ArticleIngestor>();

    [Fact]
    public async Task All_five_seeds_are_accepted_as_arabic_articles()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.Seeds, "*.txt"))
        {
            var result = Assert.Single(await _ingestor.IngestAsync(file));
            Assert.True(result.IsAccepted, result.ToString());
        }
    }

    [Fact]
    public async Task Seed_001_loses_its_share_button_template_text_and_page_links()
    {
        var article = await IngestAsync("001");

        Assert.Equal(["share", "template-text", "template-text", "template-text", "template-text", "most-read", "back-to-top"], article.RemovedLines.Select(l => l.Rule));
        Assert.DoesNotContain("{{", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Scroll to Top", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("شاركها", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_001_headline_is_its_first_line()
    {
        var article = await IngestAsync("001");

        Assert.Equal(NonEmptyLines("001")[0], article.Title);
        Assert.StartsWith("دعا العراق", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_003_source_line_becomes_metadata_and_its_comment_form_is_removed()
    {
        var article = await IngestAsync("003");

        Assert.Equal("رووداو", article.Source);
        Assert.Equal("اضف تعليق", Assert.Single(article.RemovedLines).Text);
        Assert.DoesNotContain("المصدر", article.Text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, article.Title);
    }

    [Fact]
    public async Task Seed_004_has_a_section_label_a_headline_and_a_comment_form()
    {
        var article = await IngestAsync("004");

        Assert.Equal("سياسة", article.Section);
        Assert.Equal(NonEmptyLines("004")[1], article.Title);
        Assert.EndsWith("ما تفاصيله؟", article.Title, StringComparison.Ordinal);
        Assert.Equal(["follow-us", "related-articles", "comment-form", "comment-form", "back-to-top"], article.RemovedLines.Select(l => l.Rule));
        Assert.EndsWith("أن المهمة مستمرة في سوريا.", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seeds_without_a_short_first_line_have_no_invented_headline()
    {
        Assert.Equal(string.Empty, (await IngestAsync("000")).Title);
        Assert.Equal(string.Empty, (await IngestAsync("002")).Title);
    }

    /// <summary>The seed's own lines, so the expected headline is read from the corpus, not copied into the project.</summary>
    private static List<string> NonEmptyLines(string prefix) =>
        File.ReadLines(RepositoryPaths.Seed(prefix)).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private async Task<Article> IngestAsync(string prefix) =>
        Assert.Single(await _ingestor.IngestAsync(RepositoryPaths.Seed(prefix))).Article!;
}

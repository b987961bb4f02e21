using Summarizer.Core.Ingest;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Ingest;

public sealed class HtmlNestingTests : IDisposable
{
    private const string Text = "افتتحت البلدية جسرا جديدا فوق النهر صباح اليوم.";
    private readonly TempFolder _folder = new();
    private readonly ArticleIngestor _ingestor = CoreServices.Get<ArticleIngestor>();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("div", true)]
    [InlineData("b", true)]
    [InlineData("div/", true)]
    [InlineData("x-y", false)]
    public async Task A_page_nested_a_hundred_thousand_deep_is_rejected_before_parsing(string tag, bool closed)
    {
        var name = tag.TrimEnd('/');
        var html = $"<html><body><article>{Repeat($"<{tag}>", 100_000)}<p>{Text}</p>{(closed ? Repeat($"</{name}>", 100_000) : string.Empty)}</article></body></html>";

        var result = Assert.Single(await TimeBound.WithinAsync(() => _ingestor.IngestAsync(_folder.Write("deep.html", html))));

        Assert.Equal(RejectionReason.Unsupported, result.Reason);
        Assert.Equal("HTML nested 100,001 elements deep (limit 500): not a page that can be read in reasonable time", result.Message); // the divs and their article
    }

    [Fact]
    public async Task Wide_pages_with_thousands_of_unclosed_paragraphs_list_items_icons_and_scripts_are_read()
    {
        var html = "<html><body><article><h1>جسر جديد</h1>"
            + Repeat($"<p>{Text}", 3_000)
            + "<ul>" + Repeat($"<li>{Text}<br><img src=x>", 3_000) + "</ul>"
            + Repeat("<span><svg viewBox=\"0 0 1 1\"><path d=\"M0\"/><circle r=\"1\"/></svg><svg class=\"icon\"/></span>", 2_000)
            + "<script>var s = '" + Repeat("<div>", 3_000) + "';</script><!-- " + Repeat("<div>", 3_000) + " -->"
            + Repeat("<table><tr><td>١</td></tr></table>", 1_000)
            + "</article></body></html>";

        Assert.InRange(HtmlNesting.Deepest(html), 1, 10);
        var result = Assert.Single(await TimeBound.WithinAsync(() => _ingestor.IngestAsync(_folder.Write("wide.html", html))));
        Assert.True(result.IsAccepted, result.ToString());
    }

    [Fact]
    public void Real_scraped_pages_nest_far_below_the_limit()
    {
        foreach (var page in Directory.GetFiles(RepositoryPaths.Seeds).Append(Path.Combine(RepositoryPaths.Root, "samples", "articles", "regional-rail-agreement.html")))
        {
            Assert.InRange(HtmlNesting.Deepest(File.ReadAllText(page)), 0, HtmlNesting.Limit / 5);
        }
    }

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));
}

namespace Summarizer.Browser.Tests;

[Collection(SharedChromium.Name)]
public sealed class JobPagesTests(Chromium chromium, SampleJob sample, HostileJob hostile) : IClassFixture<SampleJob>, IClassFixture<HostileJob>
{
    [Fact]
    public async Task A_citation_in_the_briefing_opens_the_cited_sentence_in_its_article_page()
    {
        await using var opened = await chromium.OpenAsync(sample.File("briefing.html"), height: 380);
        var page = opened.Page;
        var citation = page.Locator("sup.cite a[href*='water-desalination-plant/side-by-side.html#s6']").First;
        var href = (await citation.GetAttributeAsync("href"))!;
        var sentence = href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..];

        await citation.ClickAsync();
        await page.WaitForURLAsync("**/side-by-side.html#" + sentence);

        Assert.True(await page.Locator($"[id='{sentence}']").EvaluateAsync<bool>("e => e.matches(':target')"));
        Assert.Equal("rgb(255, 248, 214)", await page.Locator($"[id='{sentence}'] .ar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.True(
            await page.Locator($"[id='{sentence}'] .ar").EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return window.scrollY > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }"),
            $"{sentence} is not scrolled into view");
        await opened.ScreenshotAsync("briefing-citation-opened");
        Assert.Empty(opened.Console);
    }

    [Fact]
    public async Task The_index_lists_every_article_and_leads_to_the_briefing_and_each_page()
    {
        await using var opened = await chromium.OpenAsync(sample.File("index.html"));
        var page = opened.Page;

        Assert.Equal(3, await page.Locator("table tr").CountAsync() - 1);
        await page.Locator("a", new() { HasText = "briefing" }).First.ClickAsync();
        await page.WaitForURLAsync("**/briefing.html");
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("h1").InnerTextAsync()));

        await page.Locator("nav a", new() { HasText = "all articles" }).ClickAsync();

        // Back on the index before the next click, so it cannot land on a page that is being replaced.
        await page.WaitForURLAsync("**/index.html");
        await page.Locator("a", new() { HasText = "side by side" }).First.ClickAsync();
        await page.WaitForURLAsync("**/side-by-side.html");
        Assert.True(await page.Locator(".row").CountAsync() > 0);
        Assert.Empty(opened.Console);
    }

    [Theory]
    [InlineData("briefing.html")]
    [InlineData("index.html")]
    public async Task Markup_from_the_article_and_the_model_shows_as_text_on_the_job_pages(string file)
    {
        await using var opened = await chromium.OpenAsync(hostile.File(file));
        var page = opened.Page;

        foreach (var link in await page.Locator("main a").AllAsync())
        {
            await link.HoverAsync();
        }

        var text = await page.Locator("body").InnerTextAsync();
        Assert.Contains(HostileJob.TitleMarkup, text, StringComparison.Ordinal);
        if (file == "briefing.html")
        {
            Assert.Contains(HostileJob.ArticleMarkup, text, StringComparison.Ordinal);
            Assert.Contains(HostileJob.ModelMarkup, text, StringComparison.Ordinal);
        }

        Assert.Equal(0, await page.Locator("img, svg, script").CountAsync());
        Assert.Empty(opened.Dialogs);
        Assert.Empty(opened.Console);
    }
}

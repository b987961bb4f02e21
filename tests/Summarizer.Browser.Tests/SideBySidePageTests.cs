using Microsoft.Playwright;

namespace Summarizer.Browser.Tests;

[Collection(SharedChromium.Name)]
public sealed class SideBySidePageTests(Chromium chromium, SampleJob sample, HostileJob hostile) : IClassFixture<SampleJob>, IClassFixture<HostileJob>
{
    private const string Highlight = "rgb(255, 248, 214)";

    // Short enough that the later sentences of every test article start below the fold.
    private const int ShortViewport = 380;

    [Fact]
    public async Task Clicking_a_claim_highlights_and_scrolls_to_its_source_rows_and_nothing_else()
    {
        await using var opened = await chromium.OpenAsync(sample.File("articles", "date-harvest-festival", "side-by-side.html"), ShortViewport);
        var page = opened.Page;
        var claim = page.Locator("aside li[data-sources]").Last;
        var sources = (await claim.GetAttributeAsync("data-sources"))!.Split(' ');
        var visibleBefore = await InViewport(page.Locator($"[id='{sources[0]}'] .ar"));

        await claim.ClickAsync();

        Assert.False(visibleBefore, $"{sources[0]} was already in view; the test proves no scrolling");
        Assert.Equal(sources, await HighlightedRows(page));
        Assert.Equal("hl", await claim.GetAttributeAsync("class"));
        Assert.Equal(Highlight, await page.Locator($"[id='{sources[0]}'] .en").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.True(await InViewport(page.Locator($"[id='{sources[0]}'] .ar")), $"{sources[0]} is not scrolled into view");
        var screenshot = await opened.ScreenshotAsync("side-by-side-claim-clicked");
        Assert.True(new FileInfo(screenshot).Length > 10_000, screenshot);
        Assert.Empty(opened.Console);
    }

    [Fact]
    public async Task Clicking_a_sentence_highlights_the_claims_that_cite_it()
    {
        await using var opened = await chromium.OpenAsync(sample.File("articles", "water-desalination-plant", "side-by-side.html"));
        var page = opened.Page;
        var citing = await page.Locator("aside li[data-sources~='s4']").EvaluateAllAsync<string[]>("els => els.map(e => e.id)");

        await page.Locator("[id='s4'] .ar").ClickAsync();

        Assert.NotEmpty(citing);
        Assert.Equal(citing, await page.Locator("aside li.hl").EvaluateAllAsync<string[]>("els => els.map(e => e.id)"));
        Assert.Equal(["s4"], await HighlightedRows(page));
    }

    [Fact]
    public async Task Claims_and_sentences_work_from_the_keyboard()
    {
        await using var opened = await chromium.OpenAsync(sample.File("articles", "regional-rail-agreement", "side-by-side.html"));
        var page = opened.Page;
        var claim = page.Locator("aside li[data-sources]").First;
        var sources = (await claim.GetAttributeAsync("data-sources"))!.Split(' ');

        await claim.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal(sources, await HighlightedRows(page));
        Assert.Equal(sources[0], await page.EvaluateAsync<string>("() => document.activeElement.closest('.row').id"));

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync(" ");

        Assert.Equal([sources[0]], await HighlightedRows(page));
    }

    [Fact]
    public async Task Keys_move_between_sentences_and_jump_to_flagged_rows()
    {
        await using var opened = await chromium.OpenAsync(hostile.SideBySide, ShortViewport);
        var page = opened.Page;
        var rows = await page.Locator(".row").EvaluateAllAsync<string[]>("els => els.map(e => e.id)");
        var flagged = await page.Locator(".row.flagged").EvaluateAllAsync<string[]>("els => els.map(e => e.id)");
        var visibleBefore = await InViewport(page.Locator($"[id='{flagged[0]}'] .ar"));

        await page.Keyboard.PressAsync("j");
        var first = await FocusedRow(page);
        await page.Keyboard.PressAsync("ArrowDown");
        var second = await FocusedRow(page);
        await page.Keyboard.PressAsync("k");
        var back = await FocusedRow(page);
        await page.Keyboard.PressAsync("n");
        var nextFlagged = await FocusedRow(page);

        Assert.Equal((rows[0], rows[1], rows[0]), (first, second, back));
        Assert.NotEqual(rows[0], flagged[0]);
        Assert.False(visibleBefore, $"{flagged[0]} was already in view; the test proves no scrolling");
        Assert.Equal(flagged[0], nextFlagged);
        Assert.True(await InViewport(page.Locator($"[id='{nextFlagged}'] .ar")));
    }

    [Fact]
    public async Task The_filter_shows_only_flagged_rows_and_printing_shows_every_row_without_the_controls()
    {
        await using var opened = await chromium.OpenAsync(hostile.SideBySide);
        var page = opened.Page;
        var rows = await page.Locator(".row").CountAsync();
        var flagged = await page.Locator(".row.flagged").EvaluateAllAsync<string[]>("els => els.map(e => e.id)");

        await page.Locator("#only-flagged").CheckAsync();

        Assert.NotEmpty(flagged);
        Assert.True(flagged.Length < rows, $"{flagged.Length} of {rows} rows flagged");
        Assert.Equal(flagged, await VisibleRows(page));
        Assert.Contains("error: number_mismatch", await page.Locator($"[id='{flagged[0]}'] .en").InnerTextAsync(), StringComparison.Ordinal);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.Equal(rows, (await VisibleRows(page)).Length);
        Assert.False(await page.Locator("#only-flagged").IsVisibleAsync());
        Assert.Equal("static", await page.Locator("aside").EvaluateAsync<string>("e => getComputedStyle(e).position"));
        var pdf = Path.Combine(Chromium.Artifacts, "side-by-side-print.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4" });
        Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(pdf)[..4]);
    }

    [Fact]
    public async Task Markup_in_the_article_and_in_model_answers_renders_as_text_and_never_runs()
    {
        await using var opened = await chromium.OpenAsync(hostile.SideBySide);
        var page = opened.Page;

        foreach (var element in await page.Locator("aside li[data-sources], .row .ar").AllAsync())
        {
            await element.ClickAsync();
        }

        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains(HostileJob.ArticleMarkup, text, StringComparison.Ordinal);
        Assert.Contains(HostileJob.ModelMarkup, text, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main img, main script, body > script ~ script").CountAsync());
        Assert.Equal(1, await page.Locator("script").CountAsync());
        await opened.ScreenshotAsync("side-by-side-hostile");
        Assert.Empty(opened.Dialogs);
        Assert.Empty(opened.Console);
    }

    private static Task<string> FocusedRow(IPage page) => page.EvaluateAsync<string>("() => document.activeElement.closest('.row').id");

    private static Task<string[]> HighlightedRows(IPage page) => page.Locator(".row.hl").EvaluateAllAsync<string[]>("els => els.map(e => e.id)");

    private static Task<string[]> VisibleRows(IPage page) =>
        page.Locator(".row").EvaluateAllAsync<string[]>("els => els.filter(e => e.querySelector('.en').getClientRects().length > 0).map(e => e.id)");

    private static Task<bool> InViewport(ILocator locator) =>
        locator.EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }");
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Summarizer.Core.Store;

namespace Summarizer.Browser.Tests;

/// <summary>
/// The pages <c>summarizer review</c> serves, in Debian's Chromium: a reviewer edits, approves, rejects and comments,
/// and after a reload (and in the store) everything is kept; requests without the session token, or from another
/// origin, record nothing; a hostile edit is stored as typed and shown as text; the policy stays strict.
/// Screenshots go to <see cref="Chromium.Artifacts"/> (review-*.png).
/// </summary>
[Collection(SharedChromium.Name)]
public sealed partial class ReviewServerTests(Chromium chromium, ReviewedJob job) : IClassFixture<ReviewedJob>
{
    private const string Festival = "date-harvest-festival";

    [Fact]
    public async Task An_edit_an_approval_a_claim_rejection_and_a_comment_are_saved_at_once_and_kept_after_a_reload()
    {
        await using var opened = await chromium.OpenAsync(job.Page(Festival));
        var page = opened.Page;
        var s2 = page.Locator("[id='s2']");
        var claim = page.Locator("aside li[data-sources]").First;
        var claimId = (await claim.GetAttributeAsync("id"))!;
        var modelEnglish = await s2.Locator(".en > .text").TextContentAsync();
        await opened.ScreenshotAsync("review-before-edits");

        await Edit(s2, "edit", "The festival drew more visitors than last year.");
        await Edit(s2, "approved", text: null);
        await Edit(claim, "rejected", "Not what the cited sentence says.");
        await Edit(page.Locator("[id='s3']"), "comment", "Check the date against the source.");
        await opened.ScreenshotAsync("review-after-edits");
        await page.ReloadAsync();

        Assert.Equal("The festival drew more visitors than last year.", await s2.Locator(".en > .text").TextContentAsync());
        Assert.Equal("approved", await s2.Locator(".review").GetAttributeAsync("data-state"));
        Assert.Equal("rejected", await claim.Locator(".review").GetAttributeAsync("data-state"));
        Assert.Equal("Not what the cited sentence says.", await claim.Locator(".review .comment").TextContentAsync());
        Assert.Equal("Check the date against the source.", await page.Locator("[id='s3'] .review .comment").TextContentAsync());
        await opened.ScreenshotAsync("review-after-reload");
        var s2Edits = job.Edits(Festival, "s2");
        Assert.Equal(
            [(ReviewFields.English, modelEnglish, "The festival drew more visitors than last year.", ReviewStates.Reviewed), (ReviewFields.State, ReviewStates.Reviewed, ReviewStates.Approved, ReviewStates.Approved)],
            s2Edits.Select(e => (e.Field, e.Old, e.New, e.State)));
        Assert.All(s2Edits, e => Assert.Equal("browser-test", e.Reviewer));
        var rejection = Assert.Single(job.Edits(Festival, claimId));
        Assert.Equal((ReviewStates.Rejected, "Not what the cited sentence says."), (rejection.State, rejection.Comment));
        Assert.Equal((ReviewFields.Comment, ReviewStates.Translated), (Assert.Single(job.Edits(Festival, "s3")).Field, job.Edits(Festival, "s3")[0].State));
        Assert.Equal("The festival drew more visitors than last year.", job.Reviews.TmEntries().Single(t => t.Sentence == "s2" && t.Article == Festival).En);
        Assert.Empty(opened.Dialogs);
        Assert.Empty(opened.Console);
    }

    [Fact]
    public async Task Posts_without_the_token_with_a_wrong_one_from_another_origin_or_not_json_are_refused_and_record_nothing()
    {
        const string Article = "regional-rail-agreement";
        await using var opened = await chromium.OpenAsync(job.Page(Article));
        var edit = $$"""{"article":"{{Article}}","item":"s1","field":"state","value":"approved"}""";

        var statuses = await opened.Page.EvaluateAsync<int[]>(
            """
            async ([edit, token]) => {
              const send = (headers) => fetch('/api/review', { method: 'POST', headers, body: edit }).then(r => r.status);
              return [
                await send({ 'Content-Type': 'application/json' }),
                await send({ 'Content-Type': 'application/json', 'X-Review-Token': token + 'x' }),
                await send({ 'Content-Type': 'text/plain', 'X-Review-Token': token }),
              ];
            }
            """,
            new object[] { edit, job.Server.Token });

        // Another page in the same browser (here a page with an opaque origin) trying the server, token and all.
        await using var foreign = await chromium.OpenAsync(Path.GetTempPath());
        var crossSite = await foreign.Page.EvaluateAsync<string>(
            "async ([url, edit, token]) => { try { const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Review-Token': token }, body: edit }); return 'status ' + r.status; } catch (e) { return e.name; } }",
            new object[] { new Uri(job.Server.Address, "/api/review").AbsoluteUri, edit, job.Server.Token });
        using var http = new HttpClient();
        var foreignOrigin = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(job.Server.Address, "/api/review"))
        {
            Headers = { { "X-Review-Token", job.Server.Token }, { "Origin", "http://evil.example" } },
            Content = new StringContent(edit, System.Text.Encoding.UTF8, "application/json"),
        });
        var tokenlessPage = await http.GetAsync(new Uri(job.Server.Address, $"/articles/{Article}/side-by-side.html"));

        Assert.Equal([403, 403, 415], statuses);
        Assert.Equal("TypeError", crossSite);
        Assert.Equal(HttpStatusCode.Forbidden, foreignOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, tokenlessPage.StatusCode);
        Assert.Empty(job.Reviews.Edits(job.JobId, Article));
    }

    [Fact]
    public async Task A_hostile_edit_is_stored_as_typed_and_shown_as_text_after_a_reload()
    {
        const string Article = "water-desalination-plant";
        const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(1)>";
        await using var opened = await chromium.OpenAsync(job.Page(Article));
        var page = opened.Page;
        var s1 = page.Locator("[id='s1']");

        await Edit(s1, "edit", Hostile);
        await Edit(s1, "comment", "<img src=x onerror=alert(2)>");
        var shownBeforeReload = await s1.Locator(".en > .text").TextContentAsync();
        await page.ReloadAsync();
        await page.WaitForTimeoutAsync(300);

        Assert.Equal(Hostile, shownBeforeReload);
        Assert.Equal(Hostile, await s1.Locator(".en > .text").TextContentAsync());
        Assert.Equal("<img src=x onerror=alert(2)>", await s1.Locator(".review .comment").TextContentAsync());
        Assert.Equal(0, await page.Locator("main img, main script").CountAsync());
        Assert.Equal(Hostile, job.Edits(Article, "s1").First(e => e.Field == ReviewFields.English).New);
        Assert.Empty(opened.Dialogs);
    }

    [Fact]
    public async Task The_served_pages_keep_a_strict_policy_that_admits_only_their_own_scripts_by_hash()
    {
        await using var opened = await chromium.OpenAsync(job.Server.PageAddress.AbsoluteUri);
        var page = opened.Page;
        var response = await page.ReloadAsync();
        var header = response!.Headers["content-security-policy"];
        var meta = await page.Locator("meta[http-equiv='Content-Security-Policy']").GetAttributeAsync("content");

        await page.Locator("#apply").ClickAsync();
        await Assertions.Expect(page.Locator("#apply-status")).ToHaveTextAsync("not applied: " + ReviewedJob.ApplyUnavailable);
        await opened.ScreenshotAsync("review-index-apply");
        var article = await page.APIRequest.GetAsync(job.Page(Festival));
        var html = await article.TextAsync();
        var articlePolicy = article.Headers["content-security-policy"];

        Assert.Equal(meta + "; frame-ancestors 'none'", header);
        foreach (var (policy, body) in new[] { (header, await page.ContentAsync()), (articlePolicy, html) })
        {
            Assert.StartsWith("default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-", policy, StringComparison.Ordinal);
            Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
            Assert.DoesNotMatch("script-src[^;]*unsafe", policy);
            var scripts = ScriptElement().Matches(body).Select(m => "'sha256-" + Summarizer.Core.Rendering.HtmlPage.Sha256(m.Groups[1].Value) + "'").ToList();
            Assert.Equal(scripts, Regex.Match(policy, "script-src ([^;]*)").Groups[1].Value.Split(' '));
        }

        Assert.Equal(2, ScriptElement().Count(html));

        // The one console line is the browser noting the 501 the apply button got; no policy violation, no script error.
        Assert.Equal(["error: Failed to load resource: the server responded with a status of 501 (Not Implemented)"], opened.Console);
    }

    /// <summary>Clicks one of an item's review buttons, types the text when it asks for one, saves, and waits until the server has it.</summary>
    private static async Task Edit(ILocator item, string action, string? text)
    {
        var box = item.Locator(".review").First;
        await box.Locator($"button[data-do='{action}']").ClickAsync();
        if (text is not null)
        {
            await box.Locator("textarea").FillAsync(text);
            await box.Locator(".form button", new() { HasText = "Save" }).ClickAsync();
        }

        await Assertions.Expect(box.Locator(".saved")).ToHaveTextAsync("saved");
    }

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptElement();
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Summarizer.Core.Outputs;
using Summarizer.Core.Rendering;
using Summarizer.Core.Review;
using Summarizer.Core.Store;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Review;

/// <summary>What a served edit means in the store, which edits are refused (recording nothing), and how the served page differs from the static one.</summary>
public sealed class ReviewSessionTests : IDisposable
{
    private const string Job = "20261128T015218Z-f389db";
    private const string Article = "water-desalination-plant";
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly ReviewStore _reviews;
    private readonly ReviewSession _session;

    public ReviewSessionTests()
    {
        _reviews = new ReviewStore(Path.Combine(_folder.Path, "summarizer.db"));
        _session = new ReviewSession(Job, PreviousBuildJob.Folder, _reviews, "rana", _clock);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public void An_edit_makes_a_sentence_reviewed_an_approval_fills_the_tm_and_a_later_edit_takes_the_approval_back()
    {
        var model = ModelEnglish("s2");

        var edited = _session.Record(new ReviewRequest(Article, "s2", ReviewFields.English, "  A reviewer's sentence.  "));
        var approved = _session.Record(new ReviewRequest(Article, "s2", ReviewFields.State, ReviewStates.Approved));
        var again = _session.Record(new ReviewRequest(Article, "s2", ReviewFields.English, "Another sentence."));

        Assert.Equal(new ReviewedItem(Article, "s2", ReviewStates.Reviewed, "A reviewer's sentence.", null, "rana"), edited);
        Assert.Equal(ReviewStates.Approved, approved.State);
        Assert.Equal((ReviewStates.Reviewed, "Another sentence."), (again.State, again.English));
        Assert.Equal(
            [(ReviewFields.English, model, "A reviewer's sentence."), (ReviewFields.State, ReviewStates.Reviewed, ReviewStates.Approved), (ReviewFields.English, "A reviewer's sentence.", "Another sentence.")],
            _reviews.Edits(Job).Select(e => (e.Field, e.Old, e.New)));
        var tm = Assert.Single(_reviews.TmEntries());
        Assert.Equal(("A reviewer's sentence.", Job, Article, "s2", "rana"), (tm.En, tm.JobId, tm.Article, tm.Sentence, tm.Reviewer));
    }

    [Theory]
    [InlineData("no-such-article", "s1", "state", "approved", null, "article no-such-article is not in job")]
    [InlineData(Article, "s999", "state", "approved", null, "s999 is neither a sentence nor a claim of article water-desalination-plant")]
    [InlineData(Article, "s1", "state", "done", null, "state must be one of translated, reviewed, approved, rejected, not 'done'")]
    [InlineData(Article, "s1", "state", "rejected", " ", "rejecting s1 needs a comment saying why")]
    [InlineData(Article, "s1", "en", "   ", null, "the English is empty")]
    [InlineData(Article, "s1", "provenance", "x", null, "field must be en, state or comment, not 'provenance'")]
    [InlineData("../../etc", "s1", "en", "x", null, "article ../../etc is not in job")]
    public void An_edit_that_names_no_item_or_is_not_valid_is_refused_and_records_nothing(string article, string item, string field, string value, string? comment, string message)
    {
        var refused = Assert.Throws<ReviewRequestException>(() => _session.Record(new ReviewRequest(article, item, field, value, comment)));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
        Assert.Empty(_reviews.Edits(Job));
    }

    [Fact]
    public void A_claim_can_be_edited_and_rejected_and_the_served_page_shows_it_while_the_static_page_is_unchanged()
    {
        var written = new JobFolder(PreviousBuildJob.Folder).ReadArticle(Article)!;
        var claim = written.Claims.Claims[0];
        var staticPage = SideBySidePage.Render(ArticleResult.From(written, written.Translation.Path), written.Translation.Provenance, [], linkBriefing: false);

        _session.Record(new ReviewRequest(Article, claim.Id, ReviewFields.English, "<b>edited</b> claim"));
        _session.Record(new ReviewRequest(Article, claim.Id, ReviewFields.State, ReviewStates.Rejected, "not in s1"));
        _session.Record(new ReviewRequest(Article, "s1", ReviewFields.English, "<script>alert(1)</script>"));
        var served = _session.ArticlePage(Article)!;

        Assert.Contains("<span class=\"text\">&lt;b&gt;edited&lt;/b&gt; claim</span>", served, StringComparison.Ordinal);
        Assert.Contains($"data-item=\"{claim.Id}\" data-state=\"rejected\"><span class=\"state\">rejected</span><span class=\"comment\">not in s1</span>", served, StringComparison.Ordinal);
        Assert.Contains("<span class=\"text\">&lt;script&gt;alert(1)&lt;/script&gt;</span>", served, StringComparison.Ordinal);
        Assert.Contains($"'sha256-{HtmlPage.Sha256(ReviewEditor.Script)}'; connect-src 'self'", served, StringComparison.Ordinal);
        Assert.DoesNotContain("connect-src", staticPage, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"review\"", staticPage, StringComparison.Ordinal);
        Assert.Contains(Html.Encode(claim.En), staticPage, StringComparison.Ordinal);
        Assert.Null(_session.ArticlePage("no-such-article"));
    }

    [Fact]
    public void The_served_index_counts_each_articles_reviews_and_links_its_page()
    {
        _session.Record(new ReviewRequest(Article, "s1", ReviewFields.English, "Edited."));
        _session.Record(new ReviewRequest(Article, "s2", ReviewFields.State, ReviewStates.Approved));

        var index = _session.IndexPage();

        Assert.Contains($"<td>{Article}</td>", index, StringComparison.Ordinal);
        Assert.Contains("</td><td class=\"count\">1</td><td class=\"count\">1</td><td class=\"count\">1</td><td class=\"count\">0</td><td><a href=\"articles/water-desalination-plant/side-by-side.html\">", index, StringComparison.Ordinal);
        Assert.Contains("<button type=\"button\" id=\"apply\">Apply reviews</button>", index, StringComparison.Ordinal);
        Assert.Contains(ReviewIndexPage.ContentSecurityPolicy, index, StringComparison.Ordinal);
    }

    private static string? ModelEnglish(string sentence) =>
        new JobFolder(PreviousBuildJob.Folder).ReadArticle(Article)!.Translation.Sentences.Single(s => s.Id == sentence).En;
}

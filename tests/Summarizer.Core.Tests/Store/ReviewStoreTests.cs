using Microsoft.Data.Sqlite;
using Summarizer.Core.Store;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Store;

/// <summary>Reviews are an append-only history whose last record is an item's state; the TM finds a sentence however it was spaced or scraped.</summary>
public sealed class ReviewStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    [Fact]
    public void The_latest_record_gives_an_items_state_while_an_earlier_edit_keeps_its_English_and_comment()
    {
        var (jobs, reviews) = Open();
        reviews.Record(
        [
            new ReviewEdit("j1", "a", "s1", ReviewFields.English, "Old.", "New.", ReviewStates.Reviewed, null, T0, "rana"),
            new ReviewEdit("j1", "a", "k3", ReviewFields.State, ReviewStates.Translated, ReviewStates.Rejected, ReviewStates.Rejected, "not in the source", T0, "rana"),
            new ReviewEdit("j1", "a", "s1", ReviewFields.State, ReviewStates.Reviewed, ReviewStates.Approved, ReviewStates.Approved, null, T0.AddMinutes(1), "omar"),
            new ReviewEdit("j2", "a", "s1", ReviewFields.English, "Old.", "Other job.", ReviewStates.Reviewed, null, T0, "x"),
        ]);

        var latest = reviews.Latest("j1");

        Assert.Equal(new ItemReview(ReviewStates.Approved, "New.", null, "omar", T0.AddMinutes(1)), latest[("a", "s1")]);
        Assert.Equal(new ItemReview(ReviewStates.Rejected, null, "not in the source", "rana", T0), latest[("a", "k3")]);
        Assert.Equal(2, latest.Count);
        Assert.Equal(new Dictionary<string, int> { [ReviewStates.Approved] = 1, [ReviewStates.Rejected] = 1 }, reviews.Stats("j1").States);
        Assert.Equal((3, 1), (reviews.Stats("j1").Records, reviews.Stats("j1").Edited));
    }

    [Fact]
    public void A_batch_that_fails_part_way_records_nothing()
    {
        var (_, reviews) = Open();
        var good = new ReviewEdit("j1", "a", "s1", ReviewFields.English, "Old.", "New.", ReviewStates.Reviewed, null, T0, "rana");

        Assert.ThrowsAny<SqliteException>(() => reviews.Record([good, good with { State = null! }]));

        Assert.Empty(reviews.Edits("j1"));
    }

    [Fact]
    public void A_tm_lookup_matches_the_normalised_arabic_whatever_its_spacing_tatweel_or_invisible_marks()
    {
        var (_, reviews) = Open();
        reviews.UpsertTm([new TmEntry("قال  الوزير\tإن المشروع", "The minister said the project", "j1", "a", "s4", "v1", "rana", T0)]);

        var found = reviews.Lookup("\u200Fقال الوزيـــر إن المشروع ");
        reviews.UpsertTm([new TmEntry("قال الوزير إن المشروع", "The minister said that the project", "j2", "b", "s1", "v2", "omar", T0.AddDays(1))]);

        Assert.Equal("The minister said the project", found?.En);
        Assert.Null(reviews.Lookup("قال الوزير"));
        Assert.Equal("The minister said that the project", reviews.Lookup("قال الوزير إن المشروع")?.En);
        Assert.Equal(new TmStats(1, 1, 1, T0.AddDays(1)), reviews.TmStats());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private (JobStore Jobs, ReviewStore Reviews) Open()
    {
        var jobs = new JobStore(JobStore.PathIn(_folder.Path));
        return (jobs, new ReviewStore(jobs.DatabasePath));
    }
}

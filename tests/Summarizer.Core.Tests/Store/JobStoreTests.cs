using Microsoft.Data.Sqlite;
using Summarizer.Core.Store;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Store;

/// <summary>Job folders are recorded relative to the store, and stores written by earlier versions keep working.</summary>
public sealed class JobStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void A_job_folder_inside_the_output_folder_is_stored_relative_and_follows_a_moved_output_folder()
    {
        var before = Path.Combine(_folder.Path, "before");
        var store = new JobStore(JobStore.PathIn(before));
        store.SaveJob(new StoredJob("j1", DateTimeOffset.UnixEpoch, null, "running", null, Path.Combine(before, "j1"), "{}"));

        Assert.Equal("j1", RawDirectory(JobStore.PathIn(before), "j1"));
        SqliteConnection.ClearAllPools();
        var after = Path.Combine(_folder.Path, "after");
        Directory.Move(before, after);

        Assert.Equal(Path.Combine(after, "j1"), new JobStore(JobStore.PathIn(after)).GetJob("j1")!.Directory);
    }

    [Fact]
    public void A_store_from_before_reasons_and_input_hashes_is_migrated_in_place_and_its_absolute_folders_still_resolve()
    {
        var output = Path.Combine(_folder.Path, "old");
        Directory.CreateDirectory(Path.Combine(output, "j0"));
        var database = JobStore.PathIn(output);
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE jobs (job_id TEXT PRIMARY KEY, created TEXT NOT NULL, finished TEXT, status TEXT NOT NULL, parent TEXT, directory TEXT NOT NULL, request TEXT NOT NULL);
                CREATE TABLE articles (job_id TEXT NOT NULL, article_id TEXT NOT NULL, path TEXT NOT NULL, status TEXT NOT NULL, reason TEXT, PRIMARY KEY (job_id, article_id));
                INSERT INTO jobs VALUES ('j0', '2026-01-01T00:00:00.0000000Z', NULL, 'done', NULL, '{Path.Combine(output, "j0")}', '{"{}"}');
                INSERT INTO articles VALUES ('j0', 'a', '/abs/a.txt', 'done', NULL);
                """;
            command.ExecuteNonQuery();
        }

        var store = new JobStore(database);
        var job = store.GetJob("j0")!;
        store.SaveJob(job with { Status = "failed", Reason = "why" });

        Assert.Equal(Path.Combine(output, "j0"), job.Directory);
        Assert.Equal("why", store.GetJob("j0")!.Reason);
        Assert.Null(Assert.Single(store.Articles("j0")).InputSha256);
    }

    [Fact]
    public void An_old_absolute_folder_that_moved_with_its_output_folder_is_found_beside_the_store()
    {
        var output = Path.Combine(_folder.Path, "moved");
        Directory.CreateDirectory(Path.Combine(output, "j2"));
        var store = new JobStore(JobStore.PathIn(output));
        using (var connection = new SqliteConnection($"Data Source={store.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO jobs (job_id, created, status, directory, request) VALUES ('j2', '2026-01-01T00:00:00Z', 'done', '/gone/outputs/j2', '{}')";
            command.ExecuteNonQuery();
        }

        Assert.Equal(Path.Combine(output, "j2"), store.GetJob("j2")!.Directory);
    }

    [Fact]
    public void Deleting_a_job_forgets_its_articles_and_calls_but_keeps_cached_answers()
    {
        var store = new JobStore(JobStore.PathIn(_folder.Path));
        store.SaveJob(new StoredJob("j3", DateTimeOffset.UnixEpoch, null, "done", null, Path.Combine(_folder.Path, "j3"), "{}"));
        store.SaveArticle("j3", "a", "a.txt", "done", null, "abc");
        store.RecordCall("j3", "translate", "k", "paid", 1, 1, 1, null);
        store.PutAnswer("k", "i", "translate", "openai", "m", "p", "{}", 1, 1);

        store.DeleteJob("j3");

        Assert.Null(store.GetJob("j3"));
        Assert.Empty(store.Articles("j3"));
        Assert.Empty(store.CallCounts("j3"));
        Assert.NotNull(store.GetAnswer("k"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private static string RawDirectory(string database, string jobId)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT directory FROM jobs WHERE job_id = '{jobId}'";
        return (string)command.ExecuteScalar()!;
    }
}

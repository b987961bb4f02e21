using Summarizer.Core.Outputs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Jobs;
using Summarizer.Core.Store;

namespace Summarizer.Testing;

/// <summary>
/// A job made by an earlier build and kept as test data (tests/Summarizer.Testing/TestData/previous-build): its job
/// store and the job's output files. A later build re-running the same inputs over a copy of that store must pay for
/// nothing, which proves the cache keys did not change. <see cref="GenerateAsync"/> makes it; the bench mode
/// <c>previous-build</c> calls it (see the folder's README.md).
/// </summary>
public static class PreviousBuildJob
{
    /// <summary>The inputs, relative to the repository root (the project's own samples, never the shared corpus).</summary>
    public const string Inputs = "samples/articles";

    /// <summary>The output files kept, relative to the job folder (per article ones under <c>articles/&lt;id&gt;/</c>).</summary>
    public static readonly IReadOnlyList<string> ArticleFiles = ["translation.json", "claims.json", "summary.md"];

    /// <summary>The job-level output files kept.</summary>
    public static readonly IReadOnlyList<string> JobFiles = ["briefing.md", "manifest.json"];

    /// <summary>Gets the folder the test data lives in.</summary>
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "Summarizer.Testing", "TestData", "previous-build");

    /// <summary>The request both the generator and the test run: the samples, given relative to the repository root.</summary>
    public static JobRequest Request(string outputRoot) => new([Inputs]) { BaseDirectory = RepositoryPaths.Root, OutputRoot = outputRoot };

    /// <summary>
    /// Runs the job with the openai engine against a loopback server answering through the deterministic
    /// <see cref="FakeModel"/>, then writes the vacuumed store (<c>summarizer.db</c>) and the job's output files into
    /// <paramref name="destination"/> (replacing what is there). Returns the job's id.
    /// </summary>
    public static async Task<string> GenerateAsync(string destination)
    {
        await using var server = await LoopbackOpenAiServer.StartAsync();
        using var work = new TempFolder();
        var result = await LoopbackJob.OpenAIServices(server, work.Path).GetRequiredService<JobRunner>().RunAsync(Request(work.Path));
        if (result.Status != JobStatuses.Done)
        {
            throw new InvalidOperationException($"the job ended {result.Status}; test data needs a finished job");
        }

        var database = JobStore.PathIn(work.Path);
        Compact(database);
        Directory.CreateDirectory(destination);
        foreach (var old in Directory.GetFiles(destination, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "README.md"))
        {
            File.Delete(old);
        }

        File.Copy(database, Path.Combine(destination, "summarizer.db"));
        foreach (var file in JobFiles)
        {
            File.Copy(Path.Combine(result.JobDirectory, file), Path.Combine(destination, file));
        }

        foreach (var article in result.Articles)
        {
            Directory.CreateDirectory(Path.Combine(destination, "articles", article.Id));
            foreach (var file in ArticleFiles)
            {
                File.Copy(Path.Combine(result.JobDirectory, "articles", article.Id, file), Path.Combine(destination, "articles", article.Id, file));
            }
        }

        return result.JobId;
    }

    /// <summary>One self-contained file: the write-ahead log folded in, free pages dropped, rollback journal mode.</summary>
    private static void Compact(string database)
    {
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE; VACUUM;";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
    }
}

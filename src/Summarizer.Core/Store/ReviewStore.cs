using Microsoft.Data.Sqlite;
using static Summarizer.Core.Store.JobStore;

namespace Summarizer.Core.Store;

/// <summary>
/// Reviewers' work in the job database (<c>summarizer.db</c>, beside <see cref="JobStore"/>'s tables): every review
/// record of a job (<c>reviews</c>, append-only, so the history of an item is kept and its latest state is the last
/// record), and the translation memory of approved sentences (<c>tm</c>, keyed by <see cref="TmKey"/>). The browser
/// and XLIFF imports write the same records.
/// </summary>
public sealed class ReviewStore
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS reviews (
            id INTEGER PRIMARY KEY AUTOINCREMENT, job_id TEXT NOT NULL, article_id TEXT NOT NULL, item TEXT NOT NULL,
            field TEXT NOT NULL, old TEXT, new TEXT, state TEXT NOT NULL, comment TEXT, at TEXT NOT NULL, reviewer TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS reviews_by_job ON reviews (job_id, article_id, item);
        CREATE TABLE IF NOT EXISTS tm (
            ar_key TEXT PRIMARY KEY, ar TEXT NOT NULL, en TEXT NOT NULL, job_id TEXT, article_id TEXT, sentence_id TEXT,
            prompt_version TEXT, reviewer TEXT NOT NULL, at TEXT NOT NULL);
        """;

    // The columns ReadTmEntry reads, in its order.
    private const string TmColumns = "ar, en, job_id, article_id, sentence_id, prompt_version, reviewer, at";

    private static readonly string[] ReviewColumns = ["$job", "$article", "$item", "$field", "$old", "$new", "$state", "$comment", "$at", "$reviewer"];

    private readonly string _connectionString;

    /// <summary>Initializes a new instance of the <see cref="ReviewStore"/> class and creates its tables when needed.</summary>
    /// <exception cref="JobStoreException">The file is damaged, not a database, or cannot be written.</exception>
    public ReviewStore(string databasePath)
    {
        DatabasePath = databasePath;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true, DefaultTimeout = 30 }.ToString();
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
            using var connection = Open();
            Execute(connection, Schema);
        }
        catch (SqliteException ex)
        {
            throw new JobStoreException($"job store ({databasePath}) cannot hold reviews ({ex.Message.TrimEnd('.')}). Check the output folder (--out)", ex);
        }
    }

    /// <summary>Gets the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Records review edits in one transaction: all of them or, on any failure, none.</summary>
    public void Record(IReadOnlyCollection<ReviewEdit> edits)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var command = Command(connection, """
            INSERT INTO reviews (job_id, article_id, item, field, old, new, state, comment, at, reviewer)
            VALUES ($job, $article, $item, $field, $old, $new, $state, $comment, $at, $reviewer)
            """);
        var parameters = ReviewColumns.Select(name => command.Parameters.Add(name, SqliteType.Text)).ToArray();
        foreach (var edit in edits)
        {
            object?[] values = [edit.JobId, edit.Article, edit.Item, edit.Field, edit.Old, edit.New, edit.State, edit.Comment, Iso(edit.Time), edit.Reviewer];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Lists a job's review records (of one article, when given) in the order they were made.</summary>
    public IReadOnlyList<ReviewEdit> Edits(string jobId, string? article = null)
    {
        using var connection = Open();
        using var command = Command(connection, """
            SELECT job_id, article_id, item, field, old, new, state, comment, at, reviewer FROM reviews
            WHERE job_id = $job AND ($article IS NULL OR article_id = $article) ORDER BY id
            """, ("$job", jobId), ("$article", article));
        using var reader = command.ExecuteReader();
        var list = new List<ReviewEdit>();
        while (reader.Read())
        {
            list.Add(new ReviewEdit(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(reader, 4), Text(reader, 5),
                reader.GetString(6), Text(reader, 7), Parse(reader.GetString(8)), reader.GetString(9)));
        }

        return list;
    }

    /// <summary>Returns the latest review of every reviewed item of a job, by article and item.</summary>
    public IReadOnlyDictionary<(string Article, string Item), ItemReview> Latest(string jobId, string? article = null)
    {
        var latest = new Dictionary<(string, string), ItemReview>();
        foreach (var edit in Edits(jobId, article))
        {
            var before = latest.GetValueOrDefault((edit.Article, edit.Item));
            latest[(edit.Article, edit.Item)] = new ItemReview(
                edit.State,
                edit.Field == ReviewFields.English ? edit.New : before?.English,
                edit.Comment ?? before?.Comment,
                edit.Reviewer,
                edit.Time);
        }

        return latest;
    }

    /// <summary>Counts a job's review records, edited items and items per latest state.</summary>
    public ReviewStats Stats(string jobId)
    {
        var edits = Edits(jobId);
        var latest = Latest(jobId);
        return new ReviewStats(
            edits.Count,
            latest.Values.Count(r => r.English is not null),
            latest.Values.GroupBy(r => r.State, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
    }

    /// <summary>Puts approved segments into the translation memory (a newer approval of the same Arabic wins); returns how many.</summary>
    public int UpsertTm(IEnumerable<TmEntry> entries)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var count = 0;
        foreach (var entry in entries)
        {
            Execute(connection, """
                INSERT INTO tm (ar_key, ar, en, job_id, article_id, sentence_id, prompt_version, reviewer, at)
                VALUES ($key, $ar, $en, $job, $article, $sentence, $prompt, $reviewer, $at)
                ON CONFLICT (ar_key) DO UPDATE SET ar = $ar, en = $en, job_id = $job, article_id = $article, sentence_id = $sentence,
                    prompt_version = $prompt, reviewer = $reviewer, at = $at
                """,
                ("$key", TmKey.Of(entry.Ar)), ("$ar", entry.Ar), ("$en", entry.En), ("$job", entry.JobId), ("$article", entry.Article),
                ("$sentence", entry.Sentence), ("$prompt", entry.PromptVersion), ("$reviewer", entry.Reviewer), ("$at", Iso(entry.Time)));
            count++;
        }

        transaction.Commit();
        return count;
    }

    /// <summary>Returns the approved English of an Arabic sentence (exact match of the normalised sentence), or null.</summary>
    public TmEntry? Lookup(string arabic) => QueryTm("WHERE ar_key = $key", ("$key", TmKey.Of(arabic))).FirstOrDefault();

    /// <summary>Returns the approved English of each of some Arabic sentences that the memory holds, by <see cref="TmKey"/>, in one read.</summary>
    public IReadOnlyDictionary<string, TmEntry> Lookup(IEnumerable<string> arabic)
    {
        var found = new Dictionary<string, TmEntry>(StringComparer.Ordinal);
        using var connection = Open();
        using var command = Command(connection, $"SELECT {TmColumns} FROM tm WHERE ar_key = $key");
        var key = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var sentence in arabic.Select(TmKey.Of).Distinct(StringComparer.Ordinal))
        {
            key.Value = sentence;
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                found[sentence] = ReadTmEntry(reader);
            }
        }

        return found;
    }

    /// <summary>Lists the translation memory, oldest approval first.</summary>
    public IReadOnlyList<TmEntry> TmEntries() => QueryTm("ORDER BY at, ar_key");

    /// <summary>Summarises the translation memory.</summary>
    public TmStats TmStats()
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT COUNT(*), COUNT(DISTINCT job_id), COUNT(DISTINCT reviewer), MAX(at) FROM tm");
        using var reader = command.ExecuteReader();
        reader.Read();
        return new TmStats(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : Parse(reader.GetString(3)));
    }

    private List<TmEntry> QueryTm(string tail, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, $"SELECT {TmColumns} FROM tm " + tail, parameters);
        using var reader = command.ExecuteReader();
        var list = new List<TmEntry>();
        while (reader.Read())
        {
            list.Add(ReadTmEntry(reader));
        }

        return list;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous = NORMAL;");
        return connection;
    }

    private static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static TmEntry ReadTmEntry(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5), reader.GetString(6), Parse(reader.GetString(7)));
}

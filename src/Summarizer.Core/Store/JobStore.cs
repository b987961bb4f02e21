using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Summarizer.Core.Store;

/// <summary>
/// The job database (<c>summarizer.db</c> in the output folder, SQLite): jobs, their articles, every model call, and
/// the response cache of validated answers. Artifacts stay files; this records what happened and what can be reused.
/// Each write is its own transaction, so a killed process leaves the database consistent.
/// </summary>
public sealed class JobStore
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS jobs (
            job_id TEXT PRIMARY KEY, created TEXT NOT NULL, finished TEXT, status TEXT NOT NULL,
            parent TEXT, directory TEXT NOT NULL, request TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS articles (
            job_id TEXT NOT NULL, article_id TEXT NOT NULL, path TEXT NOT NULL, status TEXT NOT NULL, reason TEXT,
            PRIMARY KEY (job_id, article_id));
        CREATE TABLE IF NOT EXISTS calls (
            id INTEGER PRIMARY KEY AUTOINCREMENT, job_id TEXT NOT NULL, stage TEXT NOT NULL, cache_key TEXT NOT NULL,
            outcome TEXT NOT NULL, input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL, elapsed_ms INTEGER NOT NULL,
            error TEXT, at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS calls_by_job ON calls (job_id, stage);
        CREATE TABLE IF NOT EXISTS cache (
            cache_key TEXT PRIMARY KEY, input_sha256 TEXT NOT NULL, stage TEXT NOT NULL, engine TEXT NOT NULL, model TEXT NOT NULL,
            prompt_sha256 TEXT NOT NULL, answer TEXT NOT NULL, input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL,
            created TEXT NOT NULL, last_used TEXT NOT NULL);
        """;

    private readonly string _connectionString;

    /// <summary>Initializes a new instance of the <see cref="JobStore"/> class and creates the schema when needed.</summary>
    /// <exception cref="JobStoreException">The folder is a file or not writable, or the file is damaged or not a database.</exception>
    public JobStore(string databasePath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        if (File.Exists(folder))
        {
            throw new JobStoreException($"output folder ({folder}) is a file, not a folder. Choose a folder with --out or Summarizer:Jobs:OutputRoot");
        }

        DatabasePath = databasePath;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true, DefaultTimeout = 30 }.ToString();
        try
        {
            Directory.CreateDirectory(folder);
            using var connection = Open();
            Execute(connection, Schema);
            Migrate(connection);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is NotADatabase or Corrupt)
        {
            // Never recreate it: the file holds every job and cached answer, and a damaged page may still be recoverable.
            throw new JobStoreException(
                $"job store ({databasePath}) is damaged or not a SQLite database ({ex.Message.TrimEnd('.')}). Move it aside (mv {databasePath} {databasePath}.broken) and run again to start a new store",
                ex);
        }
        catch (Exception ex) when (ex is SqliteException or UnauthorizedAccessException or IOException)
        {
            throw new JobStoreException($"job store ({databasePath}) cannot be opened for writing ({ex.Message.TrimEnd('.')}). Choose a writable folder with --out", ex);
        }
    }

    // SQLite result codes: SQLITE_CORRUPT and SQLITE_NOTADB.
    private const int Corrupt = 11;
    private const int NotADatabase = 26;

    /// <summary>Gets the folder the database lives in; job folders are recorded relative to it so the folder can move.</summary>
    public string Folder => Path.GetDirectoryName(Path.GetFullPath(DatabasePath))!;

    /// <summary>Gets the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>The database file inside an output folder.</summary>
    public static string PathIn(string outputRoot) => Path.Combine(outputRoot, "summarizer.db");

    /// <summary>Records a new job, or updates it when it exists (resume).</summary>
    public void SaveJob(StoredJob job)
    {
        using var connection = Open();
        Execute(connection, """
            INSERT INTO jobs (job_id, created, finished, status, parent, directory, request, reason) VALUES ($id, $created, $finished, $status, $parent, $dir, $request, $reason)
            ON CONFLICT (job_id) DO UPDATE SET finished = $finished, status = $status, directory = $dir, reason = $reason
            """,
            ("$id", job.JobId), ("$created", Iso(job.Created)), ("$finished", job.Finished is { } f ? Iso(f) : null), ("$status", job.Status),
            ("$parent", job.Parent), ("$dir", Relative(job.Directory)), ("$request", job.Request), ("$reason", job.Reason));
    }

    /// <summary>Returns a job, or <see langword="null"/>.</summary>
    public StoredJob? GetJob(string jobId) => QueryJobs("WHERE job_id = $id", ("$id", jobId)).FirstOrDefault();

    /// <summary>Lists jobs, newest first.</summary>
    public IReadOnlyList<StoredJob> ListJobs() => QueryJobs("ORDER BY created DESC, job_id DESC");

    /// <summary>Records an article's status in a job; the input hash, once recorded, is kept.</summary>
    public void SaveArticle(string jobId, string articleId, string path, string status, string? reason, string? inputSha256 = null)
    {
        using var connection = Open();
        Execute(connection, """
            INSERT INTO articles (job_id, article_id, path, status, reason, input_sha256) VALUES ($job, $article, $path, $status, $reason, $sha)
            ON CONFLICT (job_id, article_id) DO UPDATE SET status = $status, reason = $reason, input_sha256 = COALESCE(input_sha256, $sha)
            """,
            ("$job", jobId), ("$article", articleId), ("$path", path), ("$status", status), ("$reason", reason), ("$sha", inputSha256));
    }

    /// <summary>Lists a job's articles.</summary>
    public IReadOnlyList<StoredArticle> Articles(string jobId)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT article_id, path, status, reason, input_sha256 FROM articles WHERE job_id = $job ORDER BY article_id", ("$job", jobId));
        using var reader = command.ExecuteReader();
        var list = new List<StoredArticle>();
        while (reader.Read())
        {
            list.Add(new StoredArticle(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return list;
    }

    /// <summary>Removes a job with its articles and calls (cached answers stay: other jobs may reuse them).</summary>
    public void DeleteJob(string jobId)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        foreach (var table in new[] { "calls", "articles", "jobs" })
        {
            Execute(connection, $"DELETE FROM {table} WHERE job_id = $id", ("$id", jobId));
        }

        transaction.Commit();
    }

    /// <summary>Records one model call (paid), or one answer served from the cache (reused).</summary>
    public void RecordCall(string jobId, string stage, string cacheKey, string outcome, long inputTokens, long outputTokens, long elapsedMs, string? error)
    {
        using var connection = Open();
        Execute(connection, """
            INSERT INTO calls (job_id, stage, cache_key, outcome, input_tokens, output_tokens, elapsed_ms, error, at)
            VALUES ($job, $stage, $key, $outcome, $in, $out, $ms, $error, $at)
            """,
            ("$job", jobId), ("$stage", stage), ("$key", cacheKey), ("$outcome", outcome), ("$in", inputTokens), ("$out", outputTokens),
            ("$ms", elapsedMs), ("$error", error), ("$at", Iso(DateTimeOffset.UtcNow)));
    }

    /// <summary>What a job paid for per stage, over every pass and process that worked on it, and what it reused from other jobs.</summary>
    public IReadOnlyDictionary<string, StageTotals> StageTotals(string jobId)
    {
        // Reused: answers other jobs paid for (a key this job paid is its own answer, replayed on a later pass).
        const string Sql = """
            SELECT stage,
                   SUM(outcome = $paid), SUM(outcome = $repair),
                   COUNT(DISTINCT CASE WHEN outcome = $reused AND cache_key NOT IN
                       (SELECT cache_key FROM calls WHERE job_id = $job AND outcome IN ($paid, $repair)) THEN cache_key END),
                   SUM(CASE WHEN outcome IN ($paid, $repair) THEN input_tokens ELSE 0 END),
                   SUM(CASE WHEN outcome IN ($paid, $repair) THEN output_tokens ELSE 0 END),
                   SUM(CASE WHEN outcome IN ($paid, $repair) THEN elapsed_ms ELSE 0 END)
            FROM calls WHERE job_id = $job GROUP BY stage
            """;
        using var connection = Open();
        using var command = Command(connection, Sql, ("$job", jobId), ("$paid", CallOutcomes.Paid), ("$repair", CallOutcomes.Repair), ("$reused", CallOutcomes.Reused));
        using var reader = command.ExecuteReader();
        var totals = new Dictionary<string, StageTotals>(StringComparer.Ordinal);
        while (reader.Read())
        {
            totals[reader.GetString(0)] = new StageTotals(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
        }

        return totals;
    }

    /// <summary>Counts a job's calls per stage and outcome.</summary>
    public IReadOnlyDictionary<(string Stage, string Outcome), int> CallCounts(string jobId)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT stage, outcome, COUNT(*) FROM calls WHERE job_id = $job GROUP BY stage, outcome", ("$job", jobId));
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<(string, string), int>();
        while (reader.Read())
        {
            counts[(reader.GetString(0), reader.GetString(1))] = reader.GetInt32(2);
        }

        return counts;
    }

    /// <summary>Returns a cached, validated answer, touching its last use; <see langword="null"/> on a miss.</summary>
    public CachedAnswer? GetAnswer(string cacheKey)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT answer, input_tokens, output_tokens FROM cache WHERE cache_key = $key", ("$key", cacheKey));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var answer = new CachedAnswer(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
        reader.Close();
        Execute(connection, "UPDATE cache SET last_used = $now WHERE cache_key = $key", ("$now", Iso(DateTimeOffset.UtcNow)), ("$key", cacheKey));
        return answer;
    }

    /// <summary>Stores a validated answer.</summary>
    public void PutAnswer(string cacheKey, string inputSha256, string stage, string engine, string model, string promptSha256, string answer, long inputTokens, long outputTokens)
    {
        var now = Iso(DateTimeOffset.UtcNow);
        using var connection = Open();
        Execute(connection, """
            INSERT INTO cache (cache_key, input_sha256, stage, engine, model, prompt_sha256, answer, input_tokens, output_tokens, created, last_used)
            VALUES ($key, $input, $stage, $engine, $model, $prompt, $answer, $in, $out, $now, $now)
            ON CONFLICT (cache_key) DO UPDATE SET answer = $answer, input_tokens = $in, output_tokens = $out, last_used = $now
            """,
            ("$key", cacheKey), ("$input", inputSha256), ("$stage", stage), ("$engine", engine), ("$model", model), ("$prompt", promptSha256),
            ("$answer", answer), ("$in", inputTokens), ("$out", outputTokens), ("$now", now));
    }

    /// <summary>Lists the input hashes of cached answers (tests use it to prove nothing finished is paid twice).</summary>
    public IReadOnlySet<string> CachedInputs()
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT stage || ':' || input_sha256 FROM cache");
        using var reader = command.ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            set.Add(reader.GetString(0));
        }

        return set;
    }

    /// <summary>Summarises the cache per stage.</summary>
    public IReadOnlyList<CacheStageStats> CacheStats()
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT stage, COUNT(*), SUM(LENGTH(answer)), SUM(input_tokens), SUM(output_tokens) FROM cache GROUP BY stage ORDER BY stage");
        using var reader = command.ExecuteReader();
        var list = new List<CacheStageStats>();
        while (reader.Read())
        {
            list.Add(new CacheStageStats(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return list;
    }

    /// <summary>Removes cached answers not used since the given time; returns how many.</summary>
    public int PruneCache(DateTimeOffset unusedSince)
    {
        using var connection = Open();
        using var command = Command(connection, "DELETE FROM cache WHERE last_used < $since", ("$since", Iso(unusedSince)));
        return command.ExecuteNonQuery();
    }

    private List<StoredJob> QueryJobs(string tail, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT job_id, created, finished, status, parent, directory, request, reason FROM jobs " + tail, parameters);
        using var reader = command.ExecuteReader();
        var jobs = new List<StoredJob>();
        while (reader.Read())
        {
            jobs.Add(new StoredJob(
                reader.GetString(0), Parse(reader.GetString(1)), reader.IsDBNull(2) ? null : Parse(reader.GetString(2)), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), Absolute(reader.GetString(0), reader.GetString(5)), reader.GetString(6))
            {
                Reason = reader.IsDBNull(7) ? null : reader.GetString(7),
            });
        }

        return jobs;
    }

    /// <summary>
    /// Adds the columns later versions need to a database an earlier version made; additive only, so older stores keep
    /// working and nothing recorded is rewritten.
    /// </summary>
    private static void Migrate(SqliteConnection connection)
    {
        foreach (var (table, column) in new[] { ("jobs", "reason"), ("articles", "input_sha256") })
        {
            using var command = Command(connection, $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = $column", ("$column", column));
            if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                Execute(connection, $"ALTER TABLE {table} ADD COLUMN {column} TEXT");
            }
        }
    }

    // Job folders inside the output folder are recorded relative to it, so moving the whole folder (and naming it with
    // --out) keeps every job reachable; a folder elsewhere stays absolute.
    private string Relative(string directory)
    {
        var relative = Path.GetRelativePath(Folder, Path.GetFullPath(directory));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFullPath(directory) : relative;
    }

    // Stores written before folders were relative hold absolute paths; when such a folder is gone but the job's folder
    // sits beside the database (the output folder was moved), that one is the job's.
    private string Absolute(string jobId, string directory)
    {
        if (!Path.IsPathRooted(directory))
        {
            return Path.GetFullPath(Path.Combine(Folder, directory));
        }

        var beside = Path.Combine(Folder, jobId);
        return !Directory.Exists(directory) && Directory.Exists(beside) ? beside : directory;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();

        // WAL with synchronous=NORMAL survives a killed process (the crash resume is for) without an fsync per commit;
        // only a power cut can lose the last commits, and those are calls resume simply makes again.
        Execute(connection, "PRAGMA synchronous = NORMAL;");
        return connection;
    }

    internal static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    internal static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    internal static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

/// <summary>
/// A job as the store keeps it; <see cref="Request"/> is the JSON of what was asked, to resume or re-run it, and
/// <see cref="Directory"/> is always absolute (resolved against the store's folder).
/// </summary>
public sealed record StoredJob(string JobId, DateTimeOffset Created, DateTimeOffset? Finished, string Status, string? Parent, string Directory, string Request)
{
    /// <summary>Gets why the job failed or stopped, when it did.</summary>
    public string? Reason { get; init; }
}

/// <summary>An article of a job as the store keeps it, with the SHA-256 of its input file when the job started.</summary>
public sealed record StoredArticle(string Id, string Path, string Status, string? Reason, string? InputSha256);

/// <summary>A cached answer and the tokens it cost when it was paid for.</summary>
public sealed record CachedAnswer(string Answer, long InputTokens, long OutputTokens);

/// <summary>What the cache holds for one stage.</summary>
public sealed record CacheStageStats(string Stage, int Entries, long AnswerChars, long InputTokens, long OutputTokens);

/// <summary>What a job paid for in one stage: first calls and repairs, their tokens and time, and distinct answers reused from other jobs.</summary>
public sealed record StageTotals(int Paid, int Repairs, int Reused, long InputTokens, long OutputTokens, long ElapsedMs);

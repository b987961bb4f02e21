using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Summarizer.Core.Store;

/// <summary>
/// What batch execution has sent and got back, in the job database (<c>summarizer.db</c>) beside the jobs: one row per
/// input file of a round (a part) and one per downloaded line. A part moves <c>planned</c> (the intent and the JSONL,
/// recorded before anything is uploaded) → <c>uploaded</c> (input file id) → <c>submitted</c> (batch id, recorded before
/// any wait) → <c>ended</c> (terminal status) → <c>downloaded</c> (every line's answer stored). A process killed at any
/// step finds the part where it stopped: a part with a batch id is only polled, never created again.
/// </summary>
public sealed class BatchStore
{
    /// <summary>The part's states, in order.</summary>
    public const string Planned = "planned", Uploaded = "uploaded", Submitted = "submitted", Ended = "ended", Downloaded = "downloaded";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS batch_parts (
            job_id TEXT NOT NULL, round INTEGER NOT NULL, part INTEGER NOT NULL, file_name TEXT NOT NULL,
            custom_ids TEXT NOT NULL, lines INTEGER NOT NULL, tokens INTEGER NOT NULL, input BLOB,
            input_file_id TEXT, batch_id TEXT, status TEXT, output_file_id TEXT, error_file_id TEXT, state TEXT NOT NULL,
            succeeded INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0, missing INTEGER NOT NULL DEFAULT 0,
            resubmitted INTEGER NOT NULL DEFAULT 0, error TEXT, created TEXT NOT NULL, updated TEXT NOT NULL,
            PRIMARY KEY (job_id, round, part));
        CREATE INDEX IF NOT EXISTS batch_parts_by_state ON batch_parts (state);
        CREATE TABLE IF NOT EXISTS batch_answers (
            job_id TEXT NOT NULL, round INTEGER NOT NULL, custom_id TEXT NOT NULL, part INTEGER NOT NULL, batch_id TEXT NOT NULL,
            outcome TEXT NOT NULL, status_code INTEGER, body TEXT, error_code TEXT, error_message TEXT, downloaded TEXT NOT NULL,
            PRIMARY KEY (job_id, round, custom_id));
        CREATE TABLE IF NOT EXISTS batch_counted (
            job_id TEXT NOT NULL, custom_id TEXT NOT NULL, round INTEGER NOT NULL, PRIMARY KEY (job_id, custom_id, round));
        """;

    private const string PartColumns = "job_id, round, part, file_name, custom_ids, lines, tokens, input_file_id, batch_id, status, output_file_id, error_file_id, state, succeeded, failed, missing, resubmitted, error, created, updated";

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="BatchStore"/> class over the job database of <paramref name="jobs"/>, creating its tables when needed.</summary>
    public BatchStore(JobStore jobs, TimeProvider? time = null)
    {
        DatabasePath = jobs.DatabasePath;
        _time = time ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        JobStore.Execute(connection, Schema);
    }

    /// <summary>Gets the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>The name a part's input file is uploaded under: unique per job, round and part, so a lost upload is found by it.</summary>
    public static string FileName(string jobId, int round, int part) => $"{jobId}-round{round}-part{part}.jsonl";

    /// <summary>
    /// Records the intent to submit input files for a round, before anything is uploaded: their lines, estimated tokens
    /// and JSONL (kept until the batch exists). Parts are numbered after the round's existing ones; returns the new parts.
    /// </summary>
    public IReadOnlyList<StoredBatchPart> Plan(string jobId, int round, IEnumerable<(IReadOnlyList<string> CustomIds, long Tokens, byte[] Content)> files)
    {
        var now = JobStore.Iso(_time.GetUtcNow());
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var max = JobStore.Command(connection, "SELECT COALESCE(MAX(part), -1) FROM batch_parts WHERE job_id = $job AND round = $round", ("$job", jobId), ("$round", round));
        var part = Convert.ToInt32(max.ExecuteScalar(), CultureInfo.InvariantCulture);
        foreach (var (ids, tokens, content) in files)
        {
            part++;
            JobStore.Execute(connection, """
                INSERT INTO batch_parts (job_id, round, part, file_name, custom_ids, lines, tokens, input, state, created, updated)
                VALUES ($job, $round, $part, $name, $ids, $lines, $tokens, $input, $state, $now, $now)
                """,
                ("$job", jobId), ("$round", round), ("$part", part), ("$name", FileName(jobId, round, part)), ("$ids", JsonSerializer.Serialize(ids)),
                ("$lines", ids.Count), ("$tokens", tokens), ("$input", content), ("$state", Planned), ("$now", now));
        }

        transaction.Commit();
        return Parts(jobId, round);
    }

    /// <summary>Returns the JSONL of a part not yet submitted, or <see langword="null"/> once its batch exists.</summary>
    public byte[]? Input(string jobId, int round, int part)
    {
        using var connection = Open();
        using var command = JobStore.Command(connection, "SELECT input FROM batch_parts WHERE job_id = $job AND round = $round AND part = $part", ("$job", jobId), ("$round", round), ("$part", part));
        return command.ExecuteScalar() as byte[];
    }

    /// <summary>Records the uploaded input file's id.</summary>
    public void RecordInputFile(string jobId, int round, int part, string fileId) =>
        Update(jobId, round, part, "input_file_id = $a, state = $state", ("$a", fileId), ("$state", Uploaded));

    /// <summary>Records the batch's id (before any wait) and drops the kept JSONL: from here the part is only polled.</summary>
    public void RecordBatch(string jobId, int round, int part, string batchId, string status) =>
        Update(jobId, round, part, "batch_id = $a, status = $b, input = NULL, state = $state", ("$a", batchId), ("$b", status), ("$state", Submitted));

    /// <summary>Records a status polled; a terminal one (<paramref name="ended"/>) with its file ids moves the part to <c>ended</c>.</summary>
    public void RecordStatus(string jobId, int round, int part, string status, bool ended, string? outputFileId, string? errorFileId, string? error) =>
        Update(jobId, round, part, "status = $a, output_file_id = COALESCE($b, output_file_id), error_file_id = COALESCE($c, error_file_id), error = COALESCE($d, error), state = CASE WHEN $ended THEN $state ELSE state END",
            ("$a", status), ("$b", outputFileId), ("$c", errorFileId), ("$d", error), ("$ended", ended), ("$state", Ended));

    /// <summary>
    /// Stores a part's answers and marks it downloaded, in one transaction: a kill leaves either all of them or none (then
    /// the download is simply made again). An answer already stored as succeeded is never replaced.
    /// </summary>
    public void CompleteDownload(string jobId, int round, int part, string batchId, IReadOnlyList<StoredBatchAnswer> answers)
    {
        var now = JobStore.Iso(_time.GetUtcNow());
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        foreach (var a in answers)
        {
            JobStore.Execute(connection, """
                INSERT INTO batch_answers (job_id, round, custom_id, part, batch_id, outcome, status_code, body, error_code, error_message, downloaded)
                VALUES ($job, $round, $id, $part, $batch, $outcome, $status, $body, $code, $message, $now)
                ON CONFLICT (job_id, round, custom_id) DO UPDATE SET part = $part, batch_id = $batch, outcome = $outcome, status_code = $status,
                    body = $body, error_code = $code, error_message = $message, downloaded = $now
                WHERE batch_answers.outcome <> 'succeeded'
                """,
                ("$job", jobId), ("$round", round), ("$id", a.CustomId), ("$part", part), ("$batch", batchId), ("$outcome", a.Outcome),
                ("$status", a.StatusCode), ("$body", a.Body), ("$code", a.ErrorCode), ("$message", a.ErrorMessage), ("$now", now));
        }

        var counts = answers.GroupBy(a => a.Outcome).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        JobStore.Execute(connection, "UPDATE batch_parts SET succeeded = $s, failed = $f, missing = $m, state = $state, updated = $now WHERE job_id = $job AND round = $round AND part = $part",
            ("$s", counts.GetValueOrDefault("succeeded")), ("$f", counts.GetValueOrDefault("failed")), ("$m", counts.GetValueOrDefault("missing")),
            ("$state", Downloaded), ("$now", now), ("$job", jobId), ("$round", round), ("$part", part));
        transaction.Commit();
    }

    /// <summary>Records how many of a part's lines were resubmitted in a later round (for the manifest).</summary>
    public void RecordResubmitted(string jobId, int round, int part, int lines) =>
        Update(jobId, round, part, "resubmitted = $a", ("$a", lines));

    /// <summary>Lists a job's parts (of one round, or of all), in round and part order.</summary>
    public IReadOnlyList<StoredBatchPart> Parts(string jobId, int? round = null)
    {
        using var connection = Open();
        using var command = JobStore.Command(connection, $"SELECT {PartColumns} FROM batch_parts WHERE job_id = $job AND ($round IS NULL OR round = $round) ORDER BY round, part", ("$job", jobId), ("$round", round));
        using var reader = command.ExecuteReader();
        var list = new List<StoredBatchPart>();
        while (reader.Read())
        {
            list.Add(new StoredBatchPart(
                reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3), JsonSerializer.Deserialize<List<string>>(reader.GetString(4))!,
                reader.GetInt64(6), Text(reader, 7), Text(reader, 8), Text(reader, 9), Text(reader, 10), Text(reader, 11), reader.GetString(12),
                reader.GetInt32(13), reader.GetInt32(14), reader.GetInt32(15), reader.GetInt32(16), Text(reader, 17),
                JobStore.Parse(reader.GetString(18)), JobStore.Parse(reader.GetString(19))));
        }

        return list;
    }

    /// <summary>Lists the answers downloaded for a job's round, by custom id.</summary>
    public IReadOnlyList<StoredBatchAnswer> Answers(string jobId, int round)
    {
        using var connection = Open();
        using var command = JobStore.Command(connection, "SELECT custom_id, outcome, status_code, body, error_code, error_message FROM batch_answers WHERE job_id = $job AND round = $round ORDER BY custom_id", ("$job", jobId), ("$round", round));
        using var reader = command.ExecuteReader();
        var list = new List<StoredBatchAnswer>();
        while (reader.Read())
        {
            list.Add(new StoredBatchAnswer(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), Text(reader, 3), Text(reader, 4), Text(reader, 5)));
        }

        return list;
    }

    /// <summary>
    /// Marks a downloaded answer as counted by the job (its call recorded as paid); returns false when it already was.
    /// A job replays its answers on every round and after every restart, and must pay for each line once.
    /// </summary>
    public bool Count(string jobId, string customId, int round)
    {
        using var connection = Open();
        using var command = JobStore.Command(connection, "INSERT OR IGNORE INTO batch_counted (job_id, custom_id, round) VALUES ($job, $id, $round)", ("$job", jobId), ("$id", customId), ("$round", round));
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>The estimated tokens of every part (of any job in this database) that is planned or submitted and not yet ended: what the enqueued-token quota holds.</summary>
    public long EnqueuedTokens()
    {
        using var connection = Open();
        using var command = JobStore.Command(connection, "SELECT COALESCE(SUM(tokens), 0) FROM batch_parts WHERE state IN ($p, $u, $s)", ("$p", Planned), ("$u", Uploaded), ("$s", Submitted));
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void Update(string jobId, int round, int part, string set, params (string Name, object? Value)[] values)
    {
        using var connection = Open();
        JobStore.Execute(connection, $"UPDATE batch_parts SET {set}, updated = $now WHERE job_id = $job AND round = $round AND part = $part",
            [.. values, ("$now", JobStore.Iso(_time.GetUtcNow())), ("$job", jobId), ("$round", round), ("$part", part)]);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        JobStore.Execute(connection, "PRAGMA synchronous = NORMAL;");
        return connection;
    }

    private static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}

/// <summary>One input file of a batch round as the store keeps it.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Round">The round (1 first).</param>
/// <param name="Part">The file's index within the round (0 first).</param>
/// <param name="FileName">The name it is uploaded under.</param>
/// <param name="CustomIds">The custom ids of its lines, in line order.</param>
/// <param name="Tokens">The estimated prompt tokens of its lines.</param>
/// <param name="InputFileId">The uploaded file's id, once uploaded.</param>
/// <param name="BatchId">The batch's id, once created.</param>
/// <param name="Status">The last status polled.</param>
/// <param name="OutputFileId">The output file's id, once ended.</param>
/// <param name="ErrorFileId">The error file's id, once ended.</param>
/// <param name="State">One of the store's states (<see cref="BatchStore.Planned"/> … <see cref="BatchStore.Downloaded"/>).</param>
/// <param name="Succeeded">Lines answered.</param>
/// <param name="Failed">Lines failed.</param>
/// <param name="Missing">Lines that never ran.</param>
/// <param name="Resubmitted">Lines resubmitted in a later round.</param>
/// <param name="Error">Why the batch failed, when it did.</param>
/// <param name="Created">When the part was planned.</param>
/// <param name="Updated">When the part last changed.</param>
public sealed record StoredBatchPart(
    string JobId, int Round, int Part, string FileName, IReadOnlyList<string> CustomIds, long Tokens, string? InputFileId, string? BatchId,
    string? Status, string? OutputFileId, string? ErrorFileId, string State, int Succeeded, int Failed, int Missing, int Resubmitted, string? Error,
    DateTimeOffset Created, DateTimeOffset Updated)
{
    /// <summary>Gets the number of lines.</summary>
    public int Lines => CustomIds.Count;
}

/// <summary>One downloaded line as the store keeps it: the outcome, status, raw body and error the batch folder matched to its custom id.</summary>
/// <param name="CustomId">The line's id.</param>
/// <param name="Outcome"><c>succeeded</c>, <c>failed</c> or <c>missing</c>.</param>
/// <param name="StatusCode">The line's HTTP status, when it got one.</param>
/// <param name="Body">The raw response body.</param>
/// <param name="ErrorCode">The error code of a failed or missing line.</param>
/// <param name="ErrorMessage">The error message of a failed or missing line.</param>
public sealed record StoredBatchAnswer(string CustomId, string Outcome, int? StatusCode, string? Body, string? ErrorCode, string? ErrorMessage);

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Summarizer.Testing;

/// <summary>
/// The Batch API beside the loopback chat server, on the same Kestrel host: files (<c>POST /files</c> multipart with
/// <c>purpose=batch</c>, list, get, content, delete) and batches (create, list, get, cancel) under OpenAI's <c>/v1/…</c>,
/// Azure's <c>/openai/…?api-version=</c> and Azure's <c>/openai/v1/…</c>. Statuses advance on <see cref="Clock"/>:
/// <c>validating → in_progress → finalizing → completed</c>. Each line is answered by the same code as a realtime call
/// (<see cref="LoopbackOpenAiServer.Reply"/>), so a batch answer equals the realtime answer to the same request. Faults
/// are injected through the properties, and request-level ones (an error, a lost answer, a hang on upload, create or
/// download) through <see cref="FaultNext"/>; <see cref="Served"/> counts the lines answered (paid) per custom id.
/// </summary>
public sealed class LoopbackBatchApi
{
    private readonly LoopbackOpenAiServer _server;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredFile> _files = new(StringComparer.Ordinal);
    private readonly List<FakeBatch> _batches = [];
    private readonly Dictionary<string, int> _served = new(StringComparer.Ordinal);
    private readonly List<string> _paths = [];
    private readonly List<(BatchOperation Operation, BatchFaultKind Kind, int Status)> _faults = [];
    private readonly List<string> _faultsHit = [];
    private int _next;

    internal LoopbackBatchApi(LoopbackOpenAiServer server) => _server = server;

    /// <summary>Gets the clock statuses advance on.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Gets or sets how long a batch validates.</summary>
    public TimeSpan ValidatingFor { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how long a batch runs.</summary>
    public TimeSpan InProgressFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets how long a batch finalizes.</summary>
    public TimeSpan FinalizingFor { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how long cancelling takes.</summary>
    public TimeSpan CancellingFor { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets a value indicating whether output lines are written in reverse input order (results come in any order).</summary>
    public bool ShuffleOutput { get; set; }

    /// <summary>Gets or sets the share of lines that run before a batch expires (null: batches complete).</summary>
    public double? ExpireAfterShare { get; set; }

    /// <summary>Gets or sets the share of lines that run before the next batch created expires (one batch only; null: none).</summary>
    public double? ExpireNextAfterShare { get; set; }

    /// <summary>Gets or sets a function that may answer a line (by custom id) instead of the fake model: a 429, a 500, an invalid answer.</summary>
    public Func<string, FakeModelReply?>? LineOverride { get; set; }

    /// <summary>Gets or sets an answer for a line given its custom id and the request it carries (its stage, sentences), instead of the fake model's; null to let the model answer.</summary>
    public Func<string, FakeModelRequest, FakeModelReply?>? LineReply { get; set; }

    /// <summary>Gets or sets a value indicating whether failed lines go to the output file (as some services write them) instead of the error file.</summary>
    public bool LineErrorsInOutputFile { get; set; }

    /// <summary>Gets or sets a validation error every new batch fails with (code, message, line), or null.</summary>
    public (string Code, string Message, int Line)? FailValidation { get; set; }

    /// <summary>Gets how many times each custom id was answered (paid).</summary>
    public IReadOnlyDictionary<string, int> Served
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, int>(_served, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Gets how many input files were uploaded.</summary>
    public int Uploads { get; private set; }

    /// <summary>Gets how many batches were created.</summary>
    public int BatchesCreated { get; private set; }

    /// <summary>Gets the ids of files that still exist.</summary>
    public IReadOnlyList<string> FileIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _files.Keys];
            }
        }
    }

    /// <summary>Gets the method and path (with query) of every Batch and Files API request, in arrival order.</summary>
    public IReadOnlyList<string> Paths
    {
        get
        {
            lock (_gate)
            {
                return [.. _paths];
            }
        }
    }

    /// <summary>Gets the faults that happened, in order, as <c>{operation} {kind}</c> (<c>Upload LostResponse</c>); a hang is listed when it starts.</summary>
    public IReadOnlyList<string> FaultsHit
    {
        get
        {
            lock (_gate)
            {
                return [.. _faultsHit];
            }
        }
    }

    /// <summary>
    /// Makes the next request of <paramref name="operation"/> go wrong once: answer <paramref name="status"/> with the
    /// service's error body, lose the answer after doing the work, or hang after doing it. Faults on one operation
    /// are used in the order they were set.
    /// </summary>
    public void FaultNext(BatchOperation operation, BatchFaultKind kind, int status = 500)
    {
        lock (_gate)
        {
            _faults.Add((operation, kind, status));
        }
    }

    /// <summary>Moves the clock on.</summary>
    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>Maps the routes of the three surfaces.</summary>
    internal void Map(WebApplication app)
    {
        foreach (var prefix in new[] { "/v1", "/openai", "/openai/v1" })
        {
            app.MapPost(prefix + "/files", Route(prefix, http => UploadAsync(http, prefix)));
            app.MapGet(prefix + "/files", Route(prefix, http => Task.FromResult(ListFiles(http))));
            app.MapGet(prefix + "/files/{id}", Route(prefix, http => Task.FromResult(File(Id(http)) is { } f ? Ok(f.Json()) : NoFile(Id(http)))));
            app.MapGet(prefix + "/files/{id}/content", Route(prefix, DownloadAsync));
            app.MapDelete(prefix + "/files/{id}", Route(prefix, http => Task.FromResult(Delete(Id(http)))));
            app.MapPost(prefix + "/batches", Route(prefix, http => CreateAsync(http, prefix)));
            app.MapGet(prefix + "/batches", Route(prefix, http => Task.FromResult(ListBatches(http))));
            app.MapGet(prefix + "/batches/{id}", Route(prefix, http => Task.FromResult(Batch(Id(http)) is { } b ? Ok(b.Json()) : NoBatch(Id(http)))));
            app.MapPost(prefix + "/batches/{id}/cancel", Route(prefix, http => Task.FromResult(Cancel(Id(http)))));
        }

        // A path no route serves is recorded too, so a test shows what a client asked for.
        app.MapFallback(Route("/", _ => Task.FromResult(new Reply(404, new JsonObject { ["error"] = new JsonObject { ["code"] = "404", ["message"] = "Resource not found" } }.ToJsonString()))));
    }

    private RequestDelegate Route(string prefix, Func<HttpContext, Task<Reply>> handle) => http => Handle(http, prefix, handle);

    private async Task Handle(HttpContext http, string prefix, Func<HttpContext, Task<Reply>> handle)
    {
        lock (_gate)
        {
            _paths.Add($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}");
        }

        // Azure's deployments surface answers nothing without an api-version; its v1 surface and OpenAI need none.
        var reply = prefix == "/openai" && string.IsNullOrEmpty(http.Request.Query["api-version"])
            ? new Reply(404, new JsonObject { ["error"] = new JsonObject { ["code"] = "404", ["message"] = "Resource not found" } }.ToJsonString())
            : await handle(http);
        if (reply.Dropped)
        {
            // The work is done; the client never hears of it, as when a connection drops mid-answer.
            http.Abort();
            return;
        }

        http.Response.StatusCode = reply.Status;
        http.Response.ContentType = reply.ContentType;
        await http.Response.WriteAsync(reply.Body);
    }

    private async Task<Reply> UploadAsync(HttpContext http, string prefix)
    {
        if (!http.Request.HasFormContentType)
        {
            return Invalid("Expected a multipart/form-data body with 'file' and 'purpose'.", null);
        }

        var form = await http.Request.ReadFormAsync();
        var purpose = form["purpose"].FirstOrDefault();
        if (purpose != "batch")
        {
            return Invalid($"Invalid value for 'purpose': '{purpose}'. This server takes only 'batch'.", "purpose");
        }

        if (form.Files.GetFile("file") is not { } upload)
        {
            return Invalid("Missing required parameter: 'file'.", "file");
        }

        using var memory = new MemoryStream();
        await upload.CopyToAsync(memory);
        var fault = TakeFault(BatchOperation.Upload);
        if (fault is (BatchFaultKind.Error, var status))
        {
            return ServiceError(status);
        }

        Reply reply;
        lock (_gate)
        {
            var file = new StoredFile($"file-{++_next:x6}", upload.FileName, "batch", memory.ToArray(), Now);
            _files[file.Id] = file;
            Uploads++;
            reply = Ok(file.Json());
        }

        return await AfterWorkAsync(http, fault, reply);
    }

    private async Task<Reply> DownloadAsync(HttpContext http)
    {
        if (File(Id(http)) is not { } file)
        {
            return NoFile(Id(http));
        }

        var fault = TakeFault(BatchOperation.Download);
        return fault is (BatchFaultKind.Error, var status)
            ? ServiceError(status)
            : await AfterWorkAsync(http, fault, new Reply(200, Encoding.UTF8.GetString(file.Content), "application/octet-stream"));
    }

    /// <summary>Takes the first fault set on <paramref name="operation"/>, if any, and records it as hit.</summary>
    private (BatchFaultKind Kind, int Status)? TakeFault(BatchOperation operation)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(f => f.Operation == operation);
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index];
            _faults.RemoveAt(index);
            _faultsHit.Add($"{operation} {fault.Kind}");
            return (fault.Kind, fault.Status);
        }
    }

    /// <summary>Answers <paramref name="reply"/>, or loses it, or hangs until the client goes away (a minute at most, so a test cannot hang for ever).</summary>
    private static async Task<Reply> AfterWorkAsync(HttpContext http, (BatchFaultKind Kind, int Status)? fault, Reply reply)
    {
        if (fault is (BatchFaultKind.Hang, _))
        {
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(1), http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return fault is null ? reply : reply with { Dropped = true };
    }

    /// <summary>The services' own error bodies for the statuses a fault answers.</summary>
    private static Reply ServiceError(int status) => new(status, new JsonObject
    {
        ["error"] = status switch
        {
            429 => new JsonObject { ["message"] = "Rate limit reached for requests. Please try again later.", ["type"] = "requests", ["param"] = null, ["code"] = "rate_limit_exceeded" },
            503 => new JsonObject { ["message"] = "The engine is currently overloaded, please try again later.", ["type"] = "server_error", ["param"] = null, ["code"] = null },
            _ => new JsonObject { ["message"] = "The server had an error while processing your request. Sorry about that!", ["type"] = "server_error", ["param"] = null, ["code"] = null },
        },
    }.ToJsonString());

    private Reply ListFiles(HttpContext http)
    {
        var purpose = http.Request.Query["purpose"].FirstOrDefault();
        lock (_gate)
        {
            var data = _files.Values.Where(f => purpose is null || f.Purpose == purpose).OrderByDescending(f => f.Sequence).Select(f => (JsonNode)f.Json()).ToArray();
            return Ok(new JsonObject { ["object"] = "list", ["data"] = new JsonArray(data), ["has_more"] = false });
        }
    }

    private Reply Delete(string id)
    {
        lock (_gate)
        {
            return _files.Remove(id) ? Ok(new JsonObject { ["id"] = id, ["object"] = "file", ["deleted"] = true }) : NoFile(id);
        }
    }

    private async Task<Reply> CreateAsync(HttpContext http, string prefix)
    {
        using var reader = new StreamReader(http.Request.Body);
        var request = JsonNode.Parse(await reader.ReadToEndAsync()) as JsonObject ?? [];
        var endpoint = request["endpoint"]?.GetValue<string>();
        var expected = prefix == "/openai" ? "/chat/completions" : "/v1/chat/completions";
        if (endpoint != expected)
        {
            return Invalid($"Invalid value: '{endpoint}'. Supported values are: '{expected}'.", "endpoint");
        }

        if (request["completion_window"]?.GetValue<string>() != "24h")
        {
            return Invalid($"Invalid value: '{request["completion_window"]}'. Supported values are: '24h'.", "completion_window");
        }

        var fileId = request["input_file_id"]?.GetValue<string>() ?? string.Empty;
        var fault = TakeFault(BatchOperation.Create);
        if (fault is (BatchFaultKind.Error, var status))
        {
            return ServiceError(status);
        }

        Reply reply;
        lock (_gate)
        {
            if (!_files.TryGetValue(fileId, out var file))
            {
                return Invalid($"No such File object: {fileId}", "input_file_id", 400);
            }

            var batch = new FakeBatch($"batch_{++_next:x6}", endpoint!, file, Now, _next);
            batch.Errors.AddRange(Validate(file, expected));
            if (FailValidation is { } invalid)
            {
                batch.Errors.Add(new JsonObject { ["code"] = invalid.Code, ["message"] = invalid.Message, ["param"] = null, ["line"] = invalid.Line });
            }

            (batch.ExpireShare, ExpireNextAfterShare) = (ExpireNextAfterShare, null);
            _batches.Add(batch);
            BatchesCreated++;
            reply = Ok(batch.Json());
        }

        return await AfterWorkAsync(http, fault, reply);
    }

    private Reply ListBatches(HttpContext http)
    {
        var after = http.Request.Query["after"].FirstOrDefault();
        var limit = int.TryParse(http.Request.Query["limit"].FirstOrDefault(), out var l) ? l : 20;
        lock (_gate)
        {
            var newestFirst = _batches.OrderByDescending(b => b.Sequence).ToList();
            var start = after is null ? 0 : newestFirst.FindIndex(b => b.Id == after) + 1;
            var page = newestFirst.Skip(start).Take(limit).ToList();
            page.ForEach(Refresh);
            return Ok(new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(page.Select(b => (JsonNode)b.Json()).ToArray()),
                ["first_id"] = page.FirstOrDefault()?.Id,
                ["last_id"] = page.LastOrDefault()?.Id,
                ["has_more"] = start + page.Count < newestFirst.Count,
            });
        }
    }

    private Reply Cancel(string id)
    {
        lock (_gate)
        {
            if (Batch(id) is not { } batch)
            {
                return NoBatch(id);
            }

            if (batch.Status is "completed" or "failed" or "expired" or "cancelled")
            {
                return Invalid($"Cannot cancel a batch with status '{batch.Status}'.", null, 409);
            }

            batch.CancelAt ??= Now;
            Refresh(batch);
            return Ok(batch.Json());
        }
    }

    private FakeBatch? Batch(string id)
    {
        lock (_gate)
        {
            var batch = _batches.FirstOrDefault(b => b.Id == id);
            if (batch is not null)
            {
                Refresh(batch);
            }

            return batch;
        }
    }

    private StoredFile? File(string id)
    {
        lock (_gate)
        {
            return _files.GetValueOrDefault(id);
        }
    }

    /// <summary>What the service checks of an input file before it runs: JSON lines, unique custom ids, POST to the batch's endpoint, a model.</summary>
    private static IEnumerable<JsonObject> Validate(StoredFile file, string endpoint)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var text in Encoding.UTF8.GetString(file.Content).Split('\n').Where(l => l.Length > 0))
        {
            number++;
            JsonObject? line;
            try
            {
                line = JsonNode.Parse(text) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
                line = null;
            }

            var problem = line is null ? ("invalid_json_line", "This line is not parseable as valid JSON.", (string?)null)
                : line["custom_id"]?.GetValue<string>() is not { } id ? ("missing_required_parameter", "Missing required parameter: 'custom_id'.", "custom_id")
                : !seen.Add(id) ? ("duplicate_custom_id", $"The custom_id for this request is a duplicate of another request: '{id}'.", "custom_id")
                : line["method"]?.GetValue<string>() != "POST" ? ("invalid_value", "Invalid value for 'method': only 'POST' is supported.", "method")
                : line["url"]?.GetValue<string>() != endpoint ? ("mismatched_endpoint", $"The provided endpoint '{line["url"]}' does not match the batch endpoint '{endpoint}'.", "url")
                : line["body"]?["model"] is null ? ("missing_required_parameter", "Missing required parameter: 'body.model'.", "body.model")
                : default;
            if (problem != default)
            {
                yield return new JsonObject { ["code"] = problem.Item1, ["message"] = problem.Item2, ["param"] = problem.Item3, ["line"] = number };
            }
        }
    }

    /// <summary>Moves a batch along the clock; when it ends, answers the lines that ran and writes its files (once).</summary>
    private void Refresh(FakeBatch batch)
    {
        var now = Now;
        var running = batch.CreatedAt + (long)ValidatingFor.TotalSeconds;
        var finalizing = running + (long)InProgressFor.TotalSeconds;
        var done = finalizing + (long)FinalizingFor.TotalSeconds;
        if (batch.IsTerminal)
        {
            return;
        }

        if (batch.Errors.Count > 0 && now >= running)
        {
            (batch.Status, batch.FailedAt) = ("failed", running);
            return;
        }

        if (batch.CancelAt is { } cancelAt)
        {
            batch.CancellingAt = cancelAt;
            batch.InProgressAt = cancelAt > running ? running : null;
            if (now >= cancelAt + (long)CancellingFor.TotalSeconds)
            {
                var share = cancelAt <= running ? 0 : Math.Clamp((double)(cancelAt - running) / Math.Max(1, finalizing - running), 0, 1);
                End(batch, "cancelled", cancelAt + (long)CancellingFor.TotalSeconds, share);
            }
            else
            {
                batch.Status = "cancelling";
            }

            return;
        }

        batch.InProgressAt = now >= running ? running : null;
        if ((ExpireAfterShare ?? batch.ExpireShare) is { } expireShare && now >= finalizing)
        {
            End(batch, "expired", finalizing, expireShare);
        }
        else if (now >= done)
        {
            batch.FinalizingAt = finalizing;
            End(batch, "completed", done, 1);
        }
        else
        {
            (batch.Status, batch.FinalizingAt) = now >= finalizing ? ("finalizing", finalizing) : now >= running ? ("in_progress", (long?)null) : ("validating", null);
        }
    }

    private void End(FakeBatch batch, string status, long at, double share)
    {
        var lines = Encoding.UTF8.GetString(batch.Input.Content).Split('\n').Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var ran = lines.Take((int)Math.Floor(lines.Count * share)).ToList();
        var output = new List<string>();
        var errors = new List<string>();
        foreach (var line in ran)
        {
            var customId = line["custom_id"]!.GetValue<string>();
            var (request, json, promptTokens) = _server.Parse("/batch" + line["url"], string.Empty, line["body"]!.ToJsonString(), null, null);
            var reply = LineOverride?.Invoke(customId) ?? LineReply?.Invoke(customId, request) ?? _server.Reply(request, json, promptTokens);
            _served[customId] = _served.GetValueOrDefault(customId) + 1;
            var written = new JsonObject
            {
                ["id"] = $"batch_req_{++_next:x6}",
                ["custom_id"] = customId,
                ["response"] = new JsonObject { ["status_code"] = reply.Status, ["request_id"] = $"req_{_next:x6}", ["body"] = JsonNode.Parse(reply.Body) },
                ["error"] = null,
            }.ToJsonString(FakeModel.Literal);
            (reply.Status == 200 || LineErrorsInOutputFile ? output : errors).Add(written);
        }

        if (ShuffleOutput)
        {
            output.Reverse();
        }

        batch.Status = status;
        batch.Completed = output.Count(l => l.Contains("\"status_code\":200", StringComparison.Ordinal));
        batch.Failed = ran.Count - batch.Completed;
        batch.OutputFileId = output.Count > 0 ? AddFile(batch.Id + "_output.jsonl", output) : null;
        batch.ErrorFileId = errors.Count > 0 ? AddFile(batch.Id + "_error.jsonl", errors) : null;
        _ = status switch
        {
            "completed" => batch.CompletedAt = at,
            "expired" => batch.ExpiredAt = at,
            _ => batch.CancelledAt = at,
        };
    }

    private string AddFile(string name, List<string> lines)
    {
        var file = new StoredFile($"file-{++_next:x6}", name, "batch_output", Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"), Now);
        _files[file.Id] = file;
        return file.Id;
    }

    private long Now => Clock.GetUtcNow().ToUnixTimeSeconds();

    private static string Id(HttpContext http) => (string)http.Request.RouteValues["id"]!;

    private static Reply Ok(JsonObject body) => new(200, body.ToJsonString());

    private static Reply Invalid(string message, string? param, int status = 400) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["param"] = param, ["code"] = null } }.ToJsonString());

    private static Reply NoFile(string id) =>
        new(404, new JsonObject { ["error"] = new JsonObject { ["message"] = $"No such File object: {id}", ["type"] = "invalid_request_error", ["param"] = "id", ["code"] = null } }.ToJsonString());

    private static Reply NoBatch(string id) =>
        new(404, new JsonObject { ["error"] = new JsonObject { ["message"] = $"No batch found with id '{id}'.", ["type"] = "invalid_request_error", ["param"] = null, ["code"] = null } }.ToJsonString());

    private sealed record Reply(int Status, string Body, string ContentType = "application/json")
    {
        /// <summary>Gets a value indicating whether the connection is dropped instead of answering.</summary>
        public bool Dropped { get; init; }
    }

    private sealed record StoredFile(string Id, string FileName, string Purpose, byte[] Content, long CreatedAt)
    {
        public long Sequence { get; } = Interlocked.Increment(ref _sequence);

        private static long _sequence;

        public JsonObject Json() => new()
        {
            ["id"] = Id,
            ["object"] = "file",
            ["bytes"] = Content.Length,
            ["created_at"] = CreatedAt,
            ["filename"] = FileName,
            ["purpose"] = Purpose,
            ["status"] = "processed",
            ["status_details"] = null,
        };
    }

    private sealed class FakeBatch(string id, string endpoint, StoredFile input, long createdAt, int sequence)
    {
        public string Id { get; } = id;

        public StoredFile Input { get; } = input;

        public long CreatedAt { get; } = createdAt;

        public int Sequence { get; } = sequence;

        public List<JsonObject> Errors { get; } = [];

        public string Status { get; set; } = "validating";

        public bool IsTerminal => Status is "completed" or "failed" or "expired" or "cancelled";

        public long? CancelAt { get; set; }

        public double? ExpireShare { get; set; }

        public long? InProgressAt { get; set; }

        public long? FinalizingAt { get; set; }

        public long? CompletedAt { get; set; }

        public long? FailedAt { get; set; }

        public long? ExpiredAt { get; set; }

        public long? CancellingAt { get; set; }

        public long? CancelledAt { get; set; }

        public string? OutputFileId { get; set; }

        public string? ErrorFileId { get; set; }

        public int Completed { get; set; }

        public int Failed { get; set; }

        public JsonObject Json() => new()
        {
            ["id"] = Id,
            ["object"] = "batch",
            ["endpoint"] = endpoint,
            ["errors"] = Errors.Count == 0 ? null : new JsonObject { ["object"] = "list", ["data"] = new JsonArray(Errors.Select(e => e.DeepClone()).ToArray()) },
            ["input_file_id"] = Input.Id,
            ["completion_window"] = "24h",
            ["status"] = Status,
            ["output_file_id"] = OutputFileId,
            ["error_file_id"] = ErrorFileId,
            ["created_at"] = CreatedAt,
            ["in_progress_at"] = InProgressAt,
            ["expires_at"] = CreatedAt + (24 * 3600),
            ["finalizing_at"] = FinalizingAt,
            ["completed_at"] = CompletedAt,
            ["failed_at"] = FailedAt,
            ["expired_at"] = ExpiredAt,
            ["cancelling_at"] = CancellingAt,
            ["cancelled_at"] = CancelledAt,
            ["request_counts"] = new JsonObject
            {
                ["total"] = Encoding.UTF8.GetString(Input.Content).Split('\n').Count(l => l.Length > 0),
                ["completed"] = Completed,
                ["failed"] = Failed,
            },
            ["metadata"] = null,
        };
    }
}

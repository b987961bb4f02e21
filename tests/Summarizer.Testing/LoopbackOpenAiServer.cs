using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Summarizer.Testing;

/// <summary>
/// An OpenAI-protocol server on 127.0.0.1 (Kestrel, random port) for tests: serves both URL shapes,
/// <c>POST /v1/chat/completions</c> (bearer) and <c>POST /openai/deployments/{d}/chat/completions?api-version=…</c>
/// (api-key), answers from the ids in each request through <see cref="FakeModel"/>, records every request, and lets a
/// test replace any answer (faults, invalid JSON, wrong ids) through <see cref="Override"/>.
/// </summary>
public sealed class LoopbackOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeModelRequest> _requests = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

    private LoopbackOpenAiServer(WebApplication app) => _app = app;

    /// <summary>Gets the Batch API the server also serves (files and batches, on a fake clock), answering from the same fake model.</summary>
    public LoopbackBatchApi Batch { get; private set; } = null!;

    /// <summary>Gets the server's base address, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets or sets a function that may answer instead of the fake model (return null to let it answer).</summary>
    public Func<FakeModelRequest, FakeModelReply?>? Override { get; set; }

    /// <summary>
    /// Gets or sets a quota to enforce as the real services do, or null for none: rate-limit headers on every answer
    /// (Azure's on the deployment URL, OpenAI's on /v1), and a refused request gets 429 with retry-after and
    /// retry-after-ms and the service's own error body.
    /// </summary>
    public ServerQuota? Quota { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the server plays a reasoning model (o-series, gpt-5 family): a request
    /// with <c>max_tokens</c>, or a <c>temperature</c> or <c>top_p</c> other than 1, gets the 400 the service sends.
    /// </summary>
    public bool ReasoningModel { get; set; }

    /// <summary>Gets or sets the time the "model" takes per output token (added to every admitted answer).</summary>
    public TimeSpan LatencyPerOutputToken { get; set; }

    /// <summary>Gets or sets a function that may answer the client's connection check instead of the server (by request path).</summary>
    public Func<string, FakeModelReply?>? ProbeOverride { get; set; }

    /// <summary>Gets how many connection checks arrived.</summary>
    public int Probes => Volatile.Read(ref _probes);

    private int _probes;

    /// <summary>Gets the o200k tokens the server processed (prompts and answers), as usage reports them.</summary>
    public long ProcessedTokens => Interlocked.Read(ref _processedTokens);

    private long _processedTokens;
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>Gets the most requests the server was handling at once.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>
    /// Gets or sets the clock requests are stamped with (<see cref="FakeModelRequest.At"/>) and answers are delayed on:
    /// a test that runs its job on a <see cref="TestClock"/> gives the server the same one.
    /// </summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets a delay before every answer (to give a test time to kill a client mid-job).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Gets every request received, in arrival order.</summary>
    public IReadOnlyList<FakeModelRequest> Requests => _requests.ToList();

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<LoopbackOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", server.HandleAsync);
        app.MapPost("/openai/v1/chat/completions", server.HandleAsync);
        server.Batch = new LoopbackBatchApi(server);
        server.Batch.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address);
        return server;
    }

    /// <summary>The cache's view of a request: its stage and the SHA-256 of its canonical input.</summary>
    public static string InputKey(FakeModelRequest request) =>
        request.Stage + ":" + Summarizer.Core.Stages.CanonicalJson.Sha256(request.Input);

    /// <summary>Counts the requests of a stage (repairs included).</summary>
    public int Count(string stage) => _requests.Count(r => r.Stage == stage);

    private static readonly Summarizer.Core.Tokens.O200kTokenCounter Tokens = new();

    /// <summary>Builds an OpenAI chat.completion body around an assistant content string; usage counts o200k tokens
    /// of the prompt (when given) and of the answer, as a real server would report them.</summary>
    public static string Completion(string? content, string finishReason = "stop", int promptTokens = 0, string? refusal = null, JsonObject? contentFilterResults = null)
    {
        var completionTokens = Tokens.Count(content ?? refusal ?? string.Empty);
        var choice = new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = refusal },
            ["finish_reason"] = finishReason,
        };
        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-loopback",
            ["object"] = "chat.completion",
            ["created"] = 1_763_000_000,
            ["model"] = "loopback-model",
            ["choices"] = new JsonArray(choice),
            ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens },
        };
        if (contentFilterResults is not null)
        {
            // Azure annotates both sides: the answer in the choice, the prompt at the top level.
            choice["content_filter_results"] = contentFilterResults;
            completion["prompt_filter_results"] = new JsonArray(new JsonObject { ["prompt_index"] = 0, ["content_filter_results"] = FakeModelReply.FilterResults(null, null) });
        }

        return completion.ToJsonString();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        int max;
        while (inFlight > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, inFlight, max) != max)
        {
        }

        try
        {
            await HandleCoreAsync(http);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task HandleCoreAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var (parsed, json, promptTokens) = Parse(
            http.Request.Path, http.Request.QueryString.Value ?? string.Empty, body,
            http.Request.Headers["api-key"].FirstOrDefault(), http.Request.Headers.Authorization.FirstOrDefault());
        if (parsed.Input.ContainsKey("probe"))
        {
            // The client's connection check before a job: answered as the fault settings say, but kept out of Requests.
            Interlocked.Increment(ref _probes);
            var probeReply = ProbeOverride?.Invoke(http.Request.Path) ?? new FakeModelReply(200, Completion("OK"));
            http.Response.StatusCode = probeReply.Status;
            http.Response.ContentType = probeReply.ContentType;
            await http.Response.WriteAsync(probeReply.Body);
            return;
        }

        var request = parsed with
        {
            HeaderNames = http.Request.Headers.Keys.Select(k => k.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList(),
            At = Clock.GetUtcNow(),
        };
        _requests.Enqueue(request);

        if (Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Delay, Clock, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (ReasoningModel && FakeModelReply.ReasoningModelRejects(json) is { } rejected)
        {
            http.Response.StatusCode = rejected.Status;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(rejected.Body);
            return;
        }

        if (Quota is { } quota)
        {
            var maxTokens = (json["max_completion_tokens"] ?? json["max_tokens"])?.GetValue<int>() ?? 4096;
            var decision = quota.TryAdmit(promptTokens + maxTokens);
            var azure = http.Request.Path.StartsWithSegments("/openai", StringComparison.Ordinal);
            RateLimitHeaders(http.Response.Headers, decision, azure);
            if (decision.RetryAfter is { } wait)
            {
                http.Response.StatusCode = 429;
                http.Response.ContentType = "application/json";
                http.Response.Headers["retry-after-ms"] = Math.Ceiling(wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
                http.Response.Headers["retry-after"] = Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.Response.WriteAsync(azure
                    ? AzureThrottledBody(http.Request.Query["api-version"].FirstOrDefault() ?? "2024-10-21", decision.OnRequests, wait)
                    : OpenAIThrottledBody(decision, promptTokens + maxTokens, wait));
                return;
            }
        }

        var reply = Reply(request, json, promptTokens);
        if (reply.Status == 200 && TryParse(reply.Body) is JsonObject answer && answer["usage"] is JsonObject answered)
        {
            reply = reply with { Delay = reply.Delay + (LatencyPerOutputToken * answered["completion_tokens"]!.GetValue<int>()) };
            Interlocked.Add(ref _processedTokens, answered["total_tokens"]!.GetValue<int>());
        }

        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, Clock, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        foreach (var (name, value) in reply.Headers)
        {
            http.Response.Headers[name] = value;
        }

        http.Response.StatusCode = reply.Status;
        http.Response.ContentType = reply.ContentType;
        await http.Response.WriteAsync(reply.Body);
    }

    /// <summary>
    /// The answer to one chat request, the same whether it came in real time or as a batch line: the override's or the
    /// fake model's, with usage reporting what the prompt really cost and an answer longer than its limit cut off there.
    /// </summary>
    internal FakeModelReply Reply(FakeModelRequest request, JsonObject json, int promptTokens)
    {
        var reply = Override?.Invoke(request) ?? new FakeModelReply(200, Completion(FakeModel.Answer(request.Stage, request.Input)));
        if (reply.Status == 200 && TryParse(reply.Body) is JsonObject completion && completion["usage"] is JsonObject usage)
        {
            // Every answer reports what its prompt really cost, whoever wrote the answer.
            usage["prompt_tokens"] = promptTokens;
            if ((json["max_completion_tokens"] ?? json["max_tokens"])?.GetValue<int>() is { } limit && usage["completion_tokens"]!.GetValue<int>() > limit)
            {
                // As a model does: an answer longer than max_tokens stops there, with finish_reason length.
                CutOff(completion, limit);
            }

            usage["total_tokens"] = promptTokens + usage["completion_tokens"]!.GetValue<int>();
            reply = reply with { Body = completion.ToJsonString() };
        }

        return reply;
    }

    /// <summary>Reads a chat request body as the server understands it: the request, and the prompt tokens of its messages.</summary>
    internal (FakeModelRequest Request, JsonObject Json, int PromptTokens) Parse(string path, string query, string body, string? apiKey, string? authorization)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        var messages = json["messages"]!.AsArray().OfType<JsonObject>().ToList();
        var user = messages.First(m => m["role"]!.GetValue<string>() == "user");
        var input = JsonNode.Parse(Content(user))!.AsObject();
        var stage = json["response_format"]?["json_schema"]?["name"]?.GetValue<string>() ?? GuessStage(input);
        var isRepair = messages.Any(m => m["role"]!.GetValue<string>() == "assistant");

        // A probe is no attempt at a stage input.
        var attempt = input.ContainsKey("probe") ? 0 : _attempts.AddOrUpdate(stage + "\n" + input.ToJsonString(), 1, (_, n) => n + 1);
        var request = new FakeModelRequest(path, query, apiKey, authorization, body, stage, input, isRepair, attempt);
        return (request, json, messages.Sum(m => Tokens.Count(Content(m)) + 4));
    }

    private static JsonNode? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Azure sends what remains of the minute (<c>x-ratelimit-remaining-requests</c>, <c>-tokens</c>); OpenAI also sends
    /// the limits and when they are whole again (<c>x-ratelimit-reset-*</c>, as Go durations such as <c>6m0s</c>).
    /// </summary>
    private static void RateLimitHeaders(IHeaderDictionary headers, ServerQuotaDecision decision, bool azure)
    {
        headers["x-ratelimit-remaining-requests"] = decision.RemainingRequests.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-remaining-tokens"] = decision.RemainingTokens.ToString(CultureInfo.InvariantCulture);
        if (!azure)
        {
            headers["x-ratelimit-limit-requests"] = decision.LimitRequests.ToString(CultureInfo.InvariantCulture);
            headers["x-ratelimit-limit-tokens"] = decision.LimitTokens.ToString(CultureInfo.InvariantCulture);
            headers["x-ratelimit-reset-requests"] = GoDuration(decision.Reset);
            headers["x-ratelimit-reset-tokens"] = GoDuration(decision.Reset);
        }
    }

    /// <summary>Formats a duration as OpenAI's headers do: <c>20ms</c>, <c>1.5s</c>, <c>6m0s</c>.</summary>
    public static string GoDuration(TimeSpan duration) => duration.TotalSeconds switch
    {
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(duration.TotalMilliseconds):0}ms"),
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(duration.TotalMinutes):0}m{duration.TotalSeconds % 60:0.###}s"),
    };

    /// <summary>The 429 body Azure OpenAI sends, naming the operation, the API version and the seconds to wait.</summary>
    private static string AzureThrottledBody(string apiVersion, bool onRequests, TimeSpan wait) =>
        FakeModelReply.Error(
            429,
            "429",
            string.Create(
                CultureInfo.InvariantCulture,
                $"Requests to the ChatCompletions_Create Operation under Azure OpenAI API version {apiVersion} have exceeded {(onRequests ? "call" : "token")} rate limit of your current OpenAI S0 pricing tier. Please retry after {Math.Max(1, Math.Ceiling(wait.TotalSeconds)):0} seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.")).Body;

    /// <summary>The 429 body OpenAI sends (code rate_limit_exceeded, type tokens or requests).</summary>
    private static string OpenAIThrottledBody(ServerQuotaDecision decision, int requested, TimeSpan wait) => new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["message"] = decision.OnRequests
                ? string.Create(CultureInfo.InvariantCulture, $"Rate limit reached for loopback-model on requests per min (RPM): Limit {decision.LimitRequests}, Used {decision.LimitRequests - decision.RemainingRequests}, Requested 1. Please try again in {GoDuration(wait)}.")
                : string.Create(CultureInfo.InvariantCulture, $"Rate limit reached for loopback-model on tokens per min (TPM): Limit {decision.LimitTokens}, Used {decision.LimitTokens - decision.RemainingTokens}, Requested {requested}. Please try again in {GoDuration(wait)}."),
            ["type"] = decision.OnRequests ? "requests" : "tokens",
            ["param"] = null,
            ["code"] = "rate_limit_exceeded",
        },
    }.ToJsonString();

    private static void CutOff(JsonObject completion, int limit)
    {
        var choice = completion["choices"]![0]!.AsObject();
        var message = choice["message"]!.AsObject();
        var content = message["content"]!.GetValue<string>();
        var kept = content;
        while (kept.Length > 0 && Tokens.Count(kept) > limit)
        {
            kept = kept[..(int)(kept.Length * Math.Min(0.95, (double)limit / Tokens.Count(kept)))];
        }

        message["content"] = kept;
        choice["finish_reason"] = "length";
        completion["usage"]!["completion_tokens"] = limit;
    }

    private static string Content(JsonObject message) => message["content"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => p["text"]?.GetValue<string>())),
        _ => string.Empty,
    };

    private static string GuessStage(JsonObject input) =>
        input.ContainsKey("articles") ? "brief" : input.ContainsKey("claims") ? "merge" : input.ContainsKey("glossary") ? "translate" : "summarize";
}

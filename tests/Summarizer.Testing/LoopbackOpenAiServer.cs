using System.Collections.Concurrent;
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

    /// <summary>Gets the server's base address, e.g. <c>http://127.0.0.1:54321</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets or sets a function that may answer instead of the fake model (return null to let it answer).</summary>
    public Func<FakeModelRequest, FakeModelReply?>? Override { get; set; }

    /// <summary>Gets or sets a quota to enforce as Azure does (429 with retry-after-ms), or null for none.</summary>
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
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address);
        return server;
    }

    /// <summary>The cache's view of a request: its stage and the SHA-256 of its canonical input.</summary>
    public static string InputKey(FakeModelRequest request) =>
        request.Stage + ":" + Summarizer.Core.Store.CanonicalJson.Sha256(request.Input);

    /// <summary>Counts the requests of a stage (repairs included).</summary>
    public int Count(string stage) => _requests.Count(r => r.Stage == stage);

    private static readonly Summarizer.Core.Chunking.O200kTokenCounter Tokens = new();

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
        var json = JsonNode.Parse(body)!.AsObject();
        var messages = json["messages"]!.AsArray().OfType<JsonObject>().ToList();
        var user = messages.First(m => m["role"]!.GetValue<string>() == "user");
        var input = JsonNode.Parse(Content(user))!.AsObject();
        if (input.ContainsKey("probe"))
        {
            // The client's connection check before a job: answered as the fault settings say, but kept out of Requests.
            Interlocked.Increment(ref _probes);
            var probeReply = ProbeOverride?.Invoke(http.Request.Path) ?? new FakeModelReply(200, Completion("OK"));
            http.Response.StatusCode = probeReply.Status;
            http.Response.ContentType = probeReply.ContentType;
            await http.Response.WriteAsync(probeReply.Body);
            return;
        }

        var stage = json["response_format"]?["json_schema"]?["name"]?.GetValue<string>() ?? GuessStage(input);
        var isRepair = messages.Any(m => m["role"]!.GetValue<string>() == "assistant");
        var key = stage + "\n" + input.ToJsonString();
        var attempt = _attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
        var request = new FakeModelRequest(
            http.Request.Path, http.Request.QueryString.Value ?? string.Empty,
            http.Request.Headers["api-key"].FirstOrDefault(), http.Request.Headers.Authorization.FirstOrDefault(),
            body, stage, input, isRepair, attempt)
        {
            HeaderNames = http.Request.Headers.Keys.Select(k => k.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList(),
        };
        _requests.Enqueue(request);

        if (Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Delay, http.RequestAborted);
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

        var promptTokens = messages.Sum(m => Tokens.Count(Content(m)) + 4);
        if (Quota is { } quota)
        {
            var maxTokens = (json["max_completion_tokens"] ?? json["max_tokens"])?.GetValue<int>() ?? 4096;
            if (quota.TryAdmit(promptTokens + maxTokens) is { } wait)
            {
                http.Response.StatusCode = 429;
                http.Response.Headers["retry-after-ms"] = Math.Ceiling(wait.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await http.Response.WriteAsync(FakeModelReply.Error(429, "429", "Requests to the deployment have exceeded the token rate limit.").Body);
                return;
            }
        }

        var reply = Override?.Invoke(request) ?? new FakeModelReply(200, Completion(FakeModel.Answer(stage, input)));
        if (reply.Status == 200 && TryParse(reply.Body) is JsonObject completion && completion["usage"] is JsonObject usage)
        {
            // Every answer reports what its prompt really cost, whoever wrote the answer.
            usage["prompt_tokens"] = promptTokens;
            var completionTokens = usage["completion_tokens"]!.GetValue<int>();
            usage["total_tokens"] = promptTokens + completionTokens;
            reply = reply with { Body = completion.ToJsonString(), Delay = reply.Delay + (LatencyPerOutputToken * completionTokens) };
            Interlocked.Add(ref _processedTokens, promptTokens + completionTokens);
        }

        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, http.RequestAborted);
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

    private static string Content(JsonObject message) => message["content"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => p["text"]?.GetValue<string>())),
        _ => string.Empty,
    };

    private static string GuessStage(JsonObject input) =>
        input.ContainsKey("articles") ? "brief" : input.ContainsKey("claims") ? "merge" : input.ContainsKey("glossary") ? "translate" : "summarize";
}

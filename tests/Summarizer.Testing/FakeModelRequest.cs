using System.Text.Json.Nodes;

namespace Summarizer.Testing;

/// <summary>A chat completion request as the loopback server understood it.</summary>
/// <param name="Path">The request path (the two URL shapes differ).</param>
/// <param name="Query">The query string.</param>
/// <param name="ApiKeyHeader">The <c>api-key</c> header (Azure), if sent.</param>
/// <param name="Authorization">The <c>Authorization</c> header (OpenAI), if sent.</param>
/// <param name="Body">The raw JSON body.</param>
/// <param name="Stage">The stage, from the response_format schema name.</param>
/// <param name="Input">The stage input: the JSON object the user message carries.</param>
/// <param name="IsRepair">True when the request carries a previous answer to repair.</param>
/// <param name="Attempt">1 for the first request with this input, 2 for the next, and so on.</param>
public sealed record FakeModelRequest(
    string Path,
    string Query,
    string? ApiKeyHeader,
    string? Authorization,
    string Body,
    string Stage,
    JsonObject Input,
    bool IsRepair,
    int Attempt)
{
    /// <summary>Gets when the request arrived.</summary>
    public DateTimeOffset At { get; } = DateTimeOffset.UtcNow;

    /// <summary>Gets the Arabic of the request's sentences (translate and summarize), joined by new lines.</summary>
    public string Arabic => string.Join('\n', (Input["sentences"] as JsonArray ?? []).Select(s => s?["ar"]?.GetValue<string>()));
}

/// <summary>What the loopback server answers instead of the fake model: an HTTP status with a body, or a content string.</summary>
public sealed record FakeModelReply(int Status, string Body)
{
    /// <summary>Gets response headers to send (for example retry-after-ms).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets how long to wait before answering.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>A 429 with retry-after-ms, as Azure throttles.</summary>
    public static FakeModelReply Throttled(TimeSpan retryAfter) =>
        Error(429, "429", "Requests to the deployment have exceeded the token rate limit.") with
        {
            Headers = new Dictionary<string, string> { ["retry-after-ms"] = ((int)retryAfter.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };

    /// <summary>Azure's 400 for a prompt stopped by the content filter, with the category that fired.</summary>
    public static FakeModelReply Filtered(string category, string severity) => new(400, new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["code"] = "content_filter",
            ["message"] = "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
            ["innererror"] = new JsonObject
            {
                ["code"] = "ResponsibleAIPolicyViolation",
                ["content_filter_result"] = new JsonObject
                {
                    ["hate"] = new JsonObject { ["filtered"] = false, ["severity"] = "safe" },
                    [category] = new JsonObject { ["filtered"] = true, ["severity"] = severity },
                },
            },
        },
    }.ToJsonString());

    /// <summary>A 200 answer whose assistant content is <paramref name="content"/>.</summary>
    public static FakeModelReply Content(string content, string finishReason = "stop") => new(200, LoopbackOpenAiServer.Completion(content, finishReason));

    /// <summary>An error answer in the OpenAI error shape.</summary>
    public static FakeModelReply Error(int status, string code, string message) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString());
}

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
    /// <summary>Gets the names of the request's headers, in lower case and sorted (values are not kept: some are secrets).</summary>
    public IReadOnlyList<string> HeaderNames { get; init; } = [];

    /// <summary>Gets when the request arrived, on the server's <see cref="LoopbackOpenAiServer.Clock"/>.</summary>
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Gets the Arabic of the request's sentences (translate and summarize), joined by new lines.</summary>
    public string Arabic => string.Join('\n', (Input["sentences"] as JsonArray ?? []).Select(s => s?["ar"]?.GetValue<string>()));
}

/// <summary>What the loopback server answers instead of the fake model: an HTTP status with a body, or a content string.</summary>
public sealed record FakeModelReply(int Status, string Body)
{
    /// <summary>Gets response headers to send (for example retry-after-ms).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the content type of the answer.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Gets how long to wait before answering.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>A 429 with retry-after-ms, as Azure throttles.</summary>
    public static FakeModelReply Throttled(TimeSpan retryAfter) =>
        Error(429, "429", "Requests to the deployment have exceeded the token rate limit.") with
        {
            Headers = new Dictionary<string, string> { ["retry-after-ms"] = ((int)retryAfter.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };

    /// <summary>The message of Azure's 400 for a prompt stopped by the content filter, as the service sends it.</summary>
    public const string FilteredPromptMessage =
        "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. " +
        "To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766";

    /// <summary>
    /// Azure's 400 for a prompt stopped by the content filter, with the category that fired, in either of the service's
    /// spellings: <c>innererror.content_filter_result</c> (chat completions on the deployments surface) or
    /// <c>inner_error.content_filter_results</c> (newer api-versions and the v1 surface).
    /// </summary>
    public static FakeModelReply Filtered(string category, string severity, bool underscoredSpelling = false) => new(400, new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["message"] = FilteredPromptMessage,
            ["type"] = null,
            ["param"] = "prompt",
            ["code"] = "content_filter",
            ["status"] = 400,
            [underscoredSpelling ? "inner_error" : "innererror"] = new JsonObject
            {
                ["code"] = "ResponsibleAIPolicyViolation",
                [underscoredSpelling ? "content_filter_results" : "content_filter_result"] = FilterResults(category, severity),
            },
        },
    }.ToJsonString());

    /// <summary>A 200 whose answer the output filter withheld: <c>finish_reason: content_filter</c>, the verdict in the choice's <c>content_filter_results</c>.</summary>
    public static FakeModelReply OutputFiltered(string category, string severity) =>
        new(200, LoopbackOpenAiServer.Completion(string.Empty, "content_filter", contentFilterResults: FilterResults(category, severity)));

    /// <summary>A structured-outputs refusal: <c>content: null</c> and the model's words in <c>message.refusal</c>.</summary>
    public static FakeModelReply Refusal(string words) => new(200, LoopbackOpenAiServer.Completion(null, "stop", refusal: words));

    /// <summary>Azure's content filter annotation: every category, with the one given (if any) filtered at its severity.</summary>
    public static JsonObject FilterResults(string? category, string? severity)
    {
        var results = new JsonObject();
        foreach (var name in new[] { "hate", "self_harm", "sexual", "violence" })
        {
            results[name] = new JsonObject { ["filtered"] = name == category, ["severity"] = name == category ? severity : "safe" };
        }

        results["jailbreak"] = new JsonObject { ["filtered"] = category == "jailbreak", ["detected"] = category == "jailbreak" };
        return results;
    }

    /// <summary>
    /// What a reasoning model's deployment answers to chat-model parameters, as the service words it
    /// (<c>unsupported_parameter</c> for max_tokens, <c>unsupported_value</c> for temperature or top_p), or null when it accepts the request.
    /// </summary>
    public static FakeModelReply? ReasoningModelRejects(JsonObject request)
    {
        if (request.ContainsKey("max_tokens"))
        {
            return InvalidRequest("Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", "max_tokens", "unsupported_parameter");
        }

        foreach (var name in new[] { "temperature", "top_p" })
        {
            if (request[name] is JsonValue value && value.GetValue<double>() != 1)
            {
                var given = value.ToJsonString();
                return InvalidRequest($"Unsupported value: '{name}' does not support {given} with this model. Only the default (1) value is supported.", name, "unsupported_value");
            }
        }

        return null;
    }

    private static FakeModelReply InvalidRequest(string message, string param, string code) => new(400, new JsonObject
    {
        ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["param"] = param, ["code"] = code },
    }.ToJsonString());

    /// <summary>A 200 answer whose assistant content is <paramref name="content"/>.</summary>
    public static FakeModelReply Content(string content, string finishReason = "stop") => new(200, LoopbackOpenAiServer.Completion(content, finishReason));

    /// <summary>An error answer in the OpenAI error shape.</summary>
    public static FakeModelReply Error(int status, string code, string message) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString());
}

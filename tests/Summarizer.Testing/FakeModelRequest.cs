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
    int Attempt);

/// <summary>What the loopback server answers instead of the fake model: an HTTP status with a body, or a content string.</summary>
public sealed record FakeModelReply(int Status, string Body)
{
    /// <summary>A 200 answer whose assistant content is <paramref name="content"/>.</summary>
    public static FakeModelReply Content(string content, string finishReason = "stop") => new(200, LoopbackOpenAiServer.Completion(content, finishReason));

    /// <summary>An error answer in the OpenAI error shape.</summary>
    public static FakeModelReply Error(int status, string code, string message) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString());
}

using System.Text.Json.Nodes;

namespace Summarizer.Core.Batch;

/// <summary>
/// One line of a batch's output or error file:
/// <c>{"id","custom_id","response":{"status_code","request_id","body"},"error":{"code","message"}}</c>. The error file
/// has the same shape: a line whose request failed carries a non-2xx <c>response</c>, or no response and an <c>error</c>.
/// </summary>
/// <param name="Id">The service's id for the line (<c>batch_req_…</c>).</param>
/// <param name="CustomId">The id the input line gave.</param>
/// <param name="Response">The HTTP answer the request got, when it got one.</param>
/// <param name="Error">Why the request got no answer, when it did not.</param>
public sealed record BatchOutputLine(string? Id, string? CustomId, BatchLineResponse? Response, BatchLineError? Error);

/// <summary>The HTTP answer of one batch line.</summary>
/// <param name="StatusCode">The HTTP status (200, or 429, 500 … for a failed line).</param>
/// <param name="RequestId">The service's request id.</param>
/// <param name="Body">The answer body (a <c>chat.completion</c>, or an error object).</param>
public sealed record BatchLineResponse(int StatusCode, string? RequestId, JsonNode? Body);

/// <summary>Why a batch line got no answer (for example <c>batch_expired</c>).</summary>
/// <param name="Code">The error code.</param>
/// <param name="Message">The service's message.</param>
public sealed record BatchLineError(string? Code, string? Message);

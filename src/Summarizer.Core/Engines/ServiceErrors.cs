using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.Json;
using Microsoft.SemanticKernel;

namespace Summarizer.Core.Engines;

/// <summary>
/// Turns what the connectors throw into an <see cref="EngineCallException"/> that keeps the service's status, error
/// code, message, retry-after and content filter verdict, and never the request (or its key).
/// </summary>
public static class ServiceErrors
{
    /// <summary>Maps an exception from a connector call; returns null for exceptions that are not about the call.</summary>
    /// <param name="exception">What the connector threw.</param>
    /// <param name="clock">The clock an HTTP-date <c>retry-after</c> is counted from; the system clock when null.</param>
    public static EngineCallException? From(Exception exception, TimeProvider? clock = null) => exception switch
    {
        EngineCallException engine => engine,
        HttpOperationException { InnerException: ClientResultException inner } => From(inner, clock),
        HttpOperationException http when http.StatusCode is null => Unreachable(http.InnerException?.Message ?? http.Message, http),
        HttpOperationException http => FromBody((int)http.StatusCode!.Value, http.ResponseContent, null, http, clock),
        ClientResultException result when result.Status == 0 => Unreachable(result.InnerException?.Message ?? result.Message, result),
        ClientResultException result => FromBody(result.Status, result.GetRawResponse()?.Content?.ToString(), result.GetRawResponse(), result, clock),
        HttpRequestException request => Unreachable(request.HttpRequestError.ToString(), request),
        _ => null,
    };

    private static EngineCallException Unreachable(string why, Exception inner) =>
        new($"cannot reach the endpoint ({why})", 0, inner: inner);

    private static EngineCallException FromBody(int status, string? body, PipelineResponse? response, Exception inner, TimeProvider? clock)
    {
        string? code = null, message = null, param = null;
        ContentFilterVerdict? filter = null;
        try
        {
            if (!string.IsNullOrEmpty(body))
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    code = Text(error, "code");
                    message = Text(error, "message");
                    param = Text(error, "param");
                    filter = code == EngineErrorCodes.ContentFilter ? ContentFilterResults.FromError(error) : null;
                }
            }
        }
        catch (JsonException)
        {
            // Not a JSON error body; the status alone is the message.
        }

        var text = $"HTTP {status}" + (code is null ? string.Empty : $" {code}") + (message is null ? string.Empty : $": {Shorten(message)}") + Hint(status, param);
        return new EngineCallException(text, status, code, inner) { RetryAfter = RetryAfter(response, clock ?? TimeProvider.System), Filter = filter };
    }

    /// <summary>A chat-model parameter refused by a reasoning model means the family is set wrong; say how to set it.</summary>
    private static string Hint(int status, string? param) =>
        status == 400 && param is "max_tokens" or "temperature" or "top_p"
            ? $" (a reasoning model? set {EngineOptions.SectionName}:ModelFamily to {ModelFamilies.Reasoning})"
            : string.Empty;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value.ToString() : null;

    /// <summary>Azure sends <c>retry-after-ms</c> (milliseconds) and <c>retry-after</c> (seconds or an HTTP date); the first wins.</summary>
    private static TimeSpan? RetryAfter(PipelineResponse? response, TimeProvider clock)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
        }

        if (response.Headers.TryGetValue("retry-after", out var after))
        {
            if (double.TryParse(after, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Max(0, seconds));
            }

            if (DateTimeOffset.TryParse(after, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                var wait = date - clock.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }

    /// <summary>Cuts a service's or model's message to 300 characters, so one line stays one readable line.</summary>
    internal static string Shorten(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 300), "…");
}

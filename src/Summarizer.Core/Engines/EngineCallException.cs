namespace Summarizer.Core.Engines;

/// <summary>A model call failed at the engine: HTTP status, service error code, or missing reference data.</summary>
public sealed class EngineCallException(string message, int? status = null, string? code = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>Gets the HTTP status, when there was one (0 when no response arrived).</summary>
    public int? Status { get; } = status;

    /// <summary>Gets the service's error code (for example <c>content_filter</c>), when given.</summary>
    public string? Code { get; } = code;

    /// <summary>Gets how long the service asked to wait (<c>retry-after-ms</c> or <c>retry-after</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Gets the content filter's verdict when the call was filtered (category and severity), else null.</summary>
    public ContentFilterVerdict? Filter { get; init; }

    /// <summary>Gets the deployment that answered (its pool name), when known.</summary>
    public string? Deployment { get; init; }

    /// <summary>Gets the model's own words when it refused (code <c>refusal</c>), else null.</summary>
    public string? Refusal { get; init; }

    /// <summary>Returns a copy whose message has every secret masked (servers may quote the key they were sent).</summary>
    public EngineCallException Redacted(SecretRedactor redactor) =>
        redactor.Redact(Message) is var message && message == Message
            ? this
            : new EngineCallException(message, Status, Code, InnerException) { RetryAfter = RetryAfter, Filter = Filter, Deployment = Deployment, Refusal = Refusal is null ? null : redactor.Redact(Refusal) };

    /// <summary>Gets a value indicating whether trying again may succeed: 408, 429, 5xx and no response at all.</summary>
    public bool IsTransient => Status is 0 or 408 or 429 or >= 500;
}

/// <summary>What a content filter said about a request or answer.</summary>
/// <param name="Category">The category that fired (hate, sexual, violence, self_harm, jailbreak…), or "unknown".</param>
/// <param name="Severity">The severity reported (safe, low, medium, high), or "unknown".</param>
/// <param name="Where">"prompt" when the input was filtered, "completion" when the answer was.</param>
public sealed record ContentFilterVerdict(string Category, string Severity, string Where);

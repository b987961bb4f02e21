namespace Summarizer.Core.Engines;

/// <summary>A model call failed at the engine: HTTP status, service error code, or missing reference data.</summary>
public sealed class EngineCallException(string message, int? status = null, string? code = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>Gets the HTTP status, when there was one.</summary>
    public int? Status { get; } = status;

    /// <summary>Gets the service's error code (for example <c>content_filter</c>), when given.</summary>
    public string? Code { get; } = code;
}

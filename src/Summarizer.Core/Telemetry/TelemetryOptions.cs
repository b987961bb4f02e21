using System.ComponentModel.DataAnnotations;

namespace Summarizer.Core.Telemetry;

/// <summary>
/// Where traces and metrics go. Off unless configured: <see cref="Otlp"/> here, or the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable, exports over OTLP; <c>--telemetry console</c> prints a table instead.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Summarizer:Telemetry";

    /// <summary>The standard variable that names the OTLP endpoint when <see cref="Otlp"/> is blank.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The standard variable that names the OTLP protocol when <see cref="Protocol"/> is blank.</summary>
    public const string ProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /// <summary>
    /// Gets or sets the OTLP endpoint's base URL (e.g. <c>http://localhost:4318</c>); traces go to <c>/v1/traces</c> and
    /// metrics to <c>/v1/metrics</c> under it over http/protobuf. Blank reads <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.
    /// </summary>
    /// <value>The default value is empty: no export.</value>
    [RegularExpression("^(|https?://.+)$", ErrorMessage = "Summarizer:Telemetry:Otlp must be an http:// or https:// URL, or empty.")]
    public string Otlp { get; set; } = string.Empty;

    /// <summary>Gets or sets the OTLP protocol: <c>http/protobuf</c> or <c>grpc</c>; blank reads <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, else http/protobuf.</summary>
    /// <value>The default value is empty.</value>
    [RegularExpression("^(|http/protobuf|grpc)$")]
    public string Protocol { get; set; } = string.Empty;

    /// <summary>Gets or sets the <c>service.name</c> every span and metric is exported under.</summary>
    /// <value>The default value is <c>summarizer</c>.</value>
    [Required]
    [MinLength(1)]
    public string ServiceName { get; set; } = "summarizer";

    /// <summary>
    /// Gets or sets a value indicating whether spans carry prompt inputs (article text) and answers. API keys are never
    /// exported either way: every exported span is scrubbed of configured keys.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool IncludeContent { get; set; }
}

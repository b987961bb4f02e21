using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Summarizer.Core.Telemetry;

/// <summary>
/// Turns the project's telemetry on for one process: an OpenTelemetry tracer and meter provider over the project's,
/// Semantic Kernel's (<c>Microsoft.SemanticKernel*</c>), the OpenAI SDK's (<c>OpenAI.*</c>) and HttpClient's sources,
/// exporting over OTLP when an endpoint is configured, plus any exporters a caller adds (tests add in-memory ones).
/// Disposing it flushes and stops every exporter.
/// </summary>
public sealed class TelemetryExport : IDisposable
{
    /// <summary>The sources and meters listened to, besides the project's own.</summary>
    public static readonly IReadOnlyList<string> LibrarySources = ["Microsoft.SemanticKernel*", "OpenAI.*", "System.Net.Http"];

    private readonly TracerProvider _tracer;
    private readonly MeterProvider _meter;

    private TelemetryExport(TracerProvider tracer, MeterProvider meter)
    {
        _tracer = tracer;
        _meter = meter;
    }

    /// <summary>
    /// Gets the OTLP endpoint in force: <see cref="TelemetryOptions.Otlp"/>, else <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>;
    /// null when neither is set (telemetry stays off unless asked for on the command line).
    /// </summary>
    public static Uri? Endpoint(TelemetryOptions options, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Otlp.Length > 0 ? options.Otlp : (environment ?? Environment.GetEnvironmentVariable)(TelemetryOptions.EndpointVariable);
        return Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
    }

    /// <summary>
    /// Turns on the libraries' own instrumentation: Semantic Kernel's GenAI diagnostics (with prompts and answers only
    /// when <paramref name="includeContent"/>) and the OpenAI SDK's. Both are process-wide switches read once, so this
    /// runs before the first model call; with nothing listening they record nothing.
    /// </summary>
    public static void EnableLibraryInstrumentation(bool includeContent)
    {
        AppContext.SetSwitch("Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnostics", true);
        AppContext.SetSwitch("Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive", includeContent);
        AppContext.SetSwitch("OpenAI.Experimental.EnableOpenTelemetry", true);
    }

    /// <summary>Starts the providers.</summary>
    /// <param name="options">The telemetry options.</param>
    /// <param name="redact">Masks API keys in a string (the engine's <c>SecretRedactor</c>).</param>
    /// <param name="tracing">Adds exporters or processors to the tracer provider (tests), or null.</param>
    /// <param name="metrics">Adds readers to the meter provider (tests), or null.</param>
    /// <param name="environment">Reads environment variables (tests pass their own), or null for the process's.</param>
    public static TelemetryExport Start(
        TelemetryOptions options,
        Func<string, string> redact,
        Action<TracerProviderBuilder>? tracing = null,
        Action<MeterProviderBuilder>? metrics = null,
        Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        SummarizerTelemetry.IncludeContent = options.IncludeContent;
        EnableLibraryInstrumentation(options.IncludeContent);
        var resource = ResourceBuilder.CreateEmpty().AddService(options.ServiceName, serviceVersion: SummarizerTelemetry.Source.Version);
        var endpoint = Endpoint(options, environment);
        var protocol = options.Protocol.Length > 0 ? options.Protocol : (environment ?? Environment.GetEnvironmentVariable)(TelemetryOptions.ProtocolVariable);
        var grpc = protocol == "grpc";

        var tracer = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(TelemetryNames.Source)
            .AddSource([.. LibrarySources])
            .AddProcessor(new SecretScrubbingProcessor(redact));
        var meter = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(TelemetryNames.Source)
            .AddMeter([.. LibrarySources]);
        if (endpoint is not null)
        {
            tracer.AddOtlpExporter(o => Configure(o, endpoint, "v1/traces", grpc));
            meter.AddOtlpExporter(o => Configure(o, endpoint, "v1/metrics", grpc));
        }

        tracing?.Invoke(tracer);
        metrics?.Invoke(meter);
        return new TelemetryExport(tracer.Build(), meter.Build());
    }

    /// <summary>Sends what is buffered now (before a short-lived process exits).</summary>
    public void Flush()
    {
        _tracer.ForceFlush();
        _meter.ForceFlush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Traces first: the meter's last export then carries every measurement the last spans recorded.
        _tracer.Dispose();
        _meter.Dispose();
        SummarizerTelemetry.IncludeContent = false;
    }

    /// <summary>Over http/protobuf the signal's path goes under the base URL, as the standard variable means it.</summary>
    private static void Configure(OtlpExporterOptions options, Uri endpoint, string path, bool grpc)
    {
        options.Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        options.Endpoint = grpc ? endpoint : new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + path);
    }
}

using System.Diagnostics;
using System.Runtime.CompilerServices;
using OpenTelemetry.Metrics;
using Summarizer.Core.Telemetry;

namespace Summarizer.Core.Tests.Telemetry;

/// <summary>
/// The real <see cref="TelemetryExport"/> with in-memory exporters: every span ended and every metric point flushed
/// while it lives. Other tests run beside it in this process, so assertions pick their job's trace and job id.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly TelemetryExport _export;

    public TelemetryCapture(TelemetryOptions? options = null, params string[] secrets) =>
        _export = TelemetryExport.Start(
            options ?? new TelemetryOptions(),
            Summarizer.Core.Engines.SecretRedactor.For(secrets).Redact,
            tracing: t => OpenTelemetry.Trace.InMemoryExporterHelperExtensions.AddInMemoryExporter(t, _spans),
            metrics: m => m.AddInMemoryExporter(_metrics),
            environment: _ => null);

    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }
    }

    /// <summary>Flushes the meter and returns every metric point exported so far.</summary>
    public IReadOnlyList<MetricSnapshot> Metrics()
    {
        _export.Flush();
        return [.. _metrics];
    }

    public void Dispose() => _export.Dispose();

    /// <summary>Semantic Kernel and the OpenAI SDK read their switches once per process: turn them on before any test runs.</summary>
#pragma warning disable CA2255 // A module initializer in a test assembly is the only place that runs before every test.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void EnableLibraries() => TelemetryExport.EnableLibraryInstrumentation(includeContent: false);
}

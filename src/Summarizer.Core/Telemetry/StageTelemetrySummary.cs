using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Summarizer.Core.Telemetry;

/// <summary>
/// Listens to the project's meter in this process and sums it per stage for <c>--telemetry console</c>: the same
/// measurements an OTLP backend receives, without one. Only measurements made in a job's async flow are counted, and
/// only that job's once <see cref="ForJob"/> names it.
/// </summary>
public sealed class StageTelemetrySummary : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Stage, string Outcome), long> _outcomes = new();
    private readonly ConcurrentDictionary<(string Stage, string Type), long> _tokens = new();
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _durations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> _waits = new(StringComparer.Ordinal);
    private volatile string? _job;

    /// <summary>Initializes a new instance of the <see cref="StageTelemetrySummary"/> class and starts listening.</summary>
    public StageTelemetrySummary()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TelemetryNames.Source)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        _listener.Start();
    }

    /// <summary>Counts only the given job's measurements from now on (others running in the same process are left out).</summary>
    public void ForJob(string jobId) => _job = jobId;

    /// <summary>Gets one row per stage that was measured, in the order given, then any other.</summary>
    public IReadOnlyList<StageTelemetryRow> Rows(IReadOnlyList<string> stageOrder)
    {
        var stages = _outcomes.Keys.Select(k => k.Stage).Concat(_tokens.Keys.Select(k => k.Stage)).Concat(_durations.Keys).Concat(_waits.Keys)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(s => stageOrder.Contains(s) ? stageOrder.ToList().IndexOf(s) : int.MaxValue)
            .ThenBy(s => s, StringComparer.Ordinal)
            .ToList();
        return stages.Select(stage =>
        {
            var durations = _durations.TryGetValue(stage, out var bag) ? bag.Order().ToList() : [];
            return new StageTelemetryRow(
                stage,
                _outcomes.Where(p => p.Key.Stage == stage).ToDictionary(p => p.Key.Outcome, p => p.Value, StringComparer.Ordinal),
                _tokens.GetValueOrDefault((stage, "input")),
                _tokens.GetValueOrDefault((stage, "output")),
                Percentile(durations, 0.50),
                Percentile(durations, 0.95),
                _waits.GetValueOrDefault(stage));
        }).ToList();
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    internal static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private void Record(string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // The ambient job is the flow's own: a measurement made outside any job (another test's, a probe) is not ours.
        if (SummarizerTelemetry.CurrentJob is not { } job || (_job is { } only && only != job))
        {
            return;
        }

        string? stage = null, outcome = null, type = null;
        foreach (var (key, tag) in tags)
        {
            switch (key)
            {
                case TelemetryNames.Stage: stage = tag as string; break;
                case TelemetryNames.Outcome: outcome = tag as string; break;
                case TelemetryNames.TokenType: type = tag as string; break;
            }
        }

        stage ??= "none";
        switch (instrument)
        {
            case TelemetryNames.CallsMetric when outcome is not null:
                _outcomes.AddOrUpdate((stage, outcome), (long)value, (_, n) => n + (long)value);
                break;
            case TelemetryNames.TokenUsageMetric when type is not null:
                _tokens.AddOrUpdate((stage, type), (long)value, (_, n) => n + (long)value);
                break;
            case TelemetryNames.OperationDurationMetric:
                _durations.GetOrAdd(stage, _ => []).Add(value);
                break;
            case TelemetryNames.QuotaWaitMetric:
                _waits.AddOrUpdate(stage, value, (_, n) => n + value);
                break;
        }
    }
}

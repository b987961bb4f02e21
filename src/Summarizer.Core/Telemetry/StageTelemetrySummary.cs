using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Summarizer.Core.Telemetry;

/// <summary>
/// Listens to the project's meter in this process and sums it per stage for <c>--telemetry console</c>: the same
/// measurements an OTLP backend receives, without one. Measurements are kept per job (the job of the async flow that
/// made them), so jobs running beside each other in one process are told apart.
/// </summary>
public sealed class StageTelemetrySummary : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Job, string Stage, string Outcome), long> _outcomes = new();
    private readonly ConcurrentDictionary<(string Job, string Stage, string Type), long> _tokens = new();
    private readonly ConcurrentDictionary<(string Job, string Stage), ConcurrentBag<double>> _durations = new();
    private readonly ConcurrentDictionary<(string Job, string Stage), double> _waits = new();

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

    /// <summary>Gets one row per stage of the job that was measured, in the order given, then any other.</summary>
    public IReadOnlyList<StageTelemetryRow> Rows(string jobId, IReadOnlyList<string> stageOrder)
    {
        ArgumentNullException.ThrowIfNull(stageOrder);
        var stages = _outcomes.Keys.Where(k => k.Job == jobId).Select(k => k.Stage)
            .Concat(_tokens.Keys.Where(k => k.Job == jobId).Select(k => k.Stage))
            .Concat(_durations.Keys.Concat(_waits.Keys).Where(k => k.Job == jobId).Select(k => k.Stage))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(s => stageOrder.Contains(s) ? stageOrder.ToList().IndexOf(s) : int.MaxValue)
            .ThenBy(s => s, StringComparer.Ordinal)
            .ToList();
        return stages.Select(stage =>
        {
            var durations = _durations.TryGetValue((jobId, stage), out var bag) ? bag.Order().ToList() : [];
            return new StageTelemetryRow(
                stage,
                _outcomes.Where(p => p.Key.Job == jobId && p.Key.Stage == stage).ToDictionary(p => p.Key.Outcome, p => p.Value, StringComparer.Ordinal),
                _tokens.GetValueOrDefault((jobId, stage, "input")),
                _tokens.GetValueOrDefault((jobId, stage, "output")),
                Percentile(durations, 0.50),
                Percentile(durations, 0.95),
                _waits.GetValueOrDefault((jobId, stage)));
        }).ToList();
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    internal static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private void Record(string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // The ambient job is the flow's own; a measurement made outside any job (the probe before it has an id) is left out.
        if (SummarizerTelemetry.CurrentJob is not { } job)
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
                _outcomes.AddOrUpdate((job, stage, outcome), (long)value, (_, n) => n + (long)value);
                break;
            case TelemetryNames.TokenUsageMetric when type is not null:
                _tokens.AddOrUpdate((job, stage, type), (long)value, (_, n) => n + (long)value);
                break;
            case TelemetryNames.OperationDurationMetric:
                _durations.GetOrAdd((job, stage), _ => []).Add(value);
                break;
            case TelemetryNames.QuotaWaitMetric:
                _waits.AddOrUpdate((job, stage), value, (_, n) => n + value);
                break;
        }
    }
}

using System.Diagnostics;

namespace Summarizer.Core.Telemetry;

/// <summary>A job's, article's, round's or batch's span; does nothing when no listener samples it.</summary>
public sealed class TelemetrySpan : IDisposable
{
    private readonly Activity? _activity;

    internal TelemetrySpan(Activity? activity) => _activity = activity;

    /// <summary>Gets the span, or null when nothing listens.</summary>
    public Activity? Activity => _activity;

    /// <summary>Names the job of this span; calls in this async flow from here on are counted under it.</summary>
    public void Identify(string jobId)
    {
        SummarizerTelemetry.Identify(jobId);
        _activity?.SetTag(TelemetryNames.JobId, jobId);
    }

    /// <summary>Records the final status (<c>done</c>, <c>partial</c>, <c>failed</c>, …); <c>failed</c> marks the span as an error.</summary>
    public void Finish(string status)
    {
        if (_activity is null)
        {
            return;
        }

        _activity.SetTag(TelemetryNames.Status, status);
        if (status == "failed")
        {
            _activity.SetTag(TelemetryNames.ErrorType, status);
            _activity.SetStatus(ActivityStatusCode.Error, status);
        }
    }

    /// <summary>Sets an attribute learnt after the span started (a batch's id once the service gave one).</summary>
    public void Tag(string key, object? value) => _activity?.SetTag(key, value);

    /// <summary>Adds an event, e.g. a batch's status change (<c>validating</c>, <c>in_progress</c>, <c>completed</c>).</summary>
    public void Event(string name, params (string Key, object? Value)[] tags)
    {
        if (_activity is null)
        {
            return;
        }

        var collection = new ActivityTagsCollection();
        foreach (var (key, value) in tags)
        {
            collection[key] = value;
        }

        _activity.AddEvent(new ActivityEvent(name, tags: collection));
    }

    /// <inheritdoc />
    public void Dispose() => _activity?.Dispose();
}

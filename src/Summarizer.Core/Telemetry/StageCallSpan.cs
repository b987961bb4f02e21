using System.Diagnostics;

namespace Summarizer.Core.Telemetry;

/// <summary>
/// One stage call's span, <c>chat {model}</c>, covering the cache lookup, the call, a longer retry after a cut-off
/// answer and the repair call: it carries the GenAI attributes with the tokens of every model call it made, and each
/// model call is also measured (<c>gen_ai.client.*</c> histograms) and counted (<c>summarizer.calls</c>) as the job
/// store's <c>calls</c> table records it.
/// </summary>
public sealed class StageCallSpan : IDisposable
{
    private readonly Activity? _activity;
    private readonly StageCallFacts _call;
    private readonly List<string> _finishReasons = [];
    private long _input, _output;
    private int _calls;
    private int? _maxTokens;
    private string? _responseModel, _outcome, _errorType;

    internal StageCallSpan(Activity? activity, StageCallFacts call, string? job)
    {
        _activity = activity;
        _call = call;
        if (activity is not null)
        {
            activity.SetTag(TelemetryNames.OperationName, TelemetryNames.ChatOperation);
            activity.SetTag(TelemetryNames.ProviderName, call.Provider);
            activity.SetTag(TelemetryNames.RequestModel, call.Model);
            activity.SetTag(TelemetryNames.RequestTemperature, call.Temperature);
            activity.SetTag(TelemetryNames.Stage, call.Stage);
            activity.SetTag(TelemetryNames.PromptVersion, call.PromptVersion);
            activity.SetTag(TelemetryNames.JobId, job);
        }
    }

    /// <summary>Gets a value indicating whether the span records prompt input and answers (sampled, and content asked for).</summary>
    public bool RecordsContent => _activity is { IsAllDataRequested: true } && SummarizerTelemetry.IncludeContent;

    /// <summary>Records that a valid cached answer was used: nothing was sent, nothing measured but the count.</summary>
    public void Reused()
    {
        _outcome = TelemetryOutcomes.Reused;
        SummarizerTelemetry.Count(_call.Stage, TelemetryOutcomes.Reused);
    }

    /// <summary>Records one model call that answered: a first call, or a repair.</summary>
    public void Answered(int inputTokens, int outputTokens, string finishReason, string? responseModel, int maxTokens, TimeSpan elapsed, bool repair)
    {
        _outcome = repair ? TelemetryOutcomes.Repaired : TelemetryOutcomes.Paid;
        _calls++;
        _input += inputTokens;
        _output += outputTokens;
        _finishReasons.Add(finishReason);
        _responseModel = responseModel ?? _responseModel;
        _maxTokens = maxTokens;
        SummarizerTelemetry.Count(_call.Stage, _outcome);
        var tags = Tags(responseModel, errorType: null);
        SummarizerTelemetry.OperationDuration.Record(elapsed.TotalSeconds, tags);
        SummarizerTelemetry.TokenUsage.Record(inputTokens, [.. tags, new(TelemetryNames.TokenType, "input")]);
        SummarizerTelemetry.TokenUsage.Record(outputTokens, [.. tags, new(TelemetryNames.TokenType, "output")]);
    }

    /// <summary>Records one model call that failed: <paramref name="outcome"/> is refused, filtered or failed.</summary>
    public void Failed(string outcome, string errorType, int maxTokens, TimeSpan elapsed)
    {
        _outcome = outcome;
        _errorType = errorType;
        _maxTokens = maxTokens;
        SummarizerTelemetry.Count(_call.Stage, outcome);
        SummarizerTelemetry.OperationDuration.Record(elapsed.TotalSeconds, Tags(null, errorType));
    }

    /// <summary>Records the input sent and the answer received, when <see cref="RecordsContent"/>.</summary>
    public void Content(string input, string? answer)
    {
        if (RecordsContent)
        {
            _activity!.SetTag(TelemetryNames.InputMessages, TelemetryText.Messages("user", input));
            _activity.SetTag(TelemetryNames.OutputMessages, TelemetryText.Messages("assistant", answer ?? string.Empty));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_activity is null)
        {
            return;
        }

        _activity.SetTag(TelemetryNames.Outcome, _outcome);
        _activity.SetTag(TelemetryNames.RequestMaxTokens, _maxTokens);
        _activity.SetTag(TelemetryNames.ResponseModel, _responseModel);
        if (_calls > 0)
        {
            _activity.SetTag(TelemetryNames.UsageInputTokens, _input);
            _activity.SetTag(TelemetryNames.UsageOutputTokens, _output);
            _activity.SetTag(TelemetryNames.ResponseFinishReasons, _finishReasons.ToArray());
        }

        if (_errorType is not null)
        {
            _activity.SetTag(TelemetryNames.ErrorType, _errorType);
            _activity.SetStatus(ActivityStatusCode.Error, _errorType);
        }

        _activity.Dispose();
    }

    private KeyValuePair<string, object?>[] Tags(string? responseModel, string? errorType)
    {
        var tags = new List<KeyValuePair<string, object?>>
        {
            new(TelemetryNames.OperationName, TelemetryNames.ChatOperation),
            new(TelemetryNames.ProviderName, _call.Provider),
            new(TelemetryNames.RequestModel, _call.Model),
            new(TelemetryNames.Stage, _call.Stage),
        };
        if (responseModel is not null)
        {
            tags.Add(new(TelemetryNames.ResponseModel, responseModel));
        }

        if (errorType is not null)
        {
            tags.Add(new(TelemetryNames.ErrorType, errorType));
        }

        return [.. tags];
    }
}

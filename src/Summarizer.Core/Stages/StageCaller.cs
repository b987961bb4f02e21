using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using Summarizer.Core.Engines;
using Summarizer.Core.Planning;
using Summarizer.Core.Prompts;
using Summarizer.Core.Store;
using Summarizer.Core.Telemetry;

namespace Summarizer.Core.Stages;

/// <summary>
/// Calls one stage through Semantic Kernel: the versioned prompt becomes a kernel prompt function, the input's
/// top-level properties become input variables holding JSON, and the answer is parsed and validated.
/// A valid answer already in the response cache is reused without a call. An invalid answer gets one repair call
/// listing the errors; what is still wrong is returned, never thrown away. Only valid answers are cached.
/// </summary>
public sealed class StageCaller
{
    private readonly Kernel _kernel;
    private readonly KernelFunction _function;
    private readonly StagePrompt _prompt;
    private readonly ModelProfile _profile;
    private readonly PromptSettings _settings;
    private readonly StageUsage.Counter _usage;
    private readonly CallLedger? _ledger;
    private readonly OutputBudget? _budget;
    private readonly ICallScheduler _scheduler;

    /// <summary>Initializes a new instance of the <see cref="StageCaller"/> class; without a budget every call gets the prompt's max_tokens.</summary>
    /// <param name="kernel">The kernel whose chat service answers.</param>
    /// <param name="prompt">The stage's prompt.</param>
    /// <param name="profile">The engine's model profile.</param>
    /// <param name="usage">The job's usage counters.</param>
    /// <param name="ledger">The job's store and cache; none for a caller used on its own.</param>
    /// <param name="budget">Sizes each call's max_tokens from its input.</param>
    /// <param name="scheduler">Decides when uncached calls are sent; by default each is sent at once.</param>
    public StageCaller(Kernel kernel, StagePrompt prompt, ModelProfile profile, StageUsage usage, CallLedger? ledger = null, OutputBudget? budget = null, ICallScheduler? scheduler = null)
    {
        _scheduler = scheduler ?? ImmediateScheduler.Instance;
        _budget = budget;
        _kernel = kernel;
        _prompt = prompt;
        _profile = profile;
        _settings = prompt.For(profile.Family);
        _usage = usage.For(prompt.Stage);
        _ledger = ledger;
        _function = KernelFunctionFactory.CreateFromPrompt(prompt.Config);
    }

    /// <summary>Gets the prompt this caller uses.</summary>
    public StagePrompt Prompt => _prompt;

    /// <summary>Gets the settings calls are sent with (the prompt file's, for the engine's model family).</summary>
    public PromptSettings Settings => _settings;

    /// <summary>Gets the reasoning effort sent to reasoning models: configured for the engine, else the prompt file's.</summary>
    private string? Effort => _profile.EffortFor(_settings);

    /// <summary>Gets the stage's counters (for the filtered items and splits the pipeline decides on).</summary>
    public StageUsage.Counter Usage => _usage;

    /// <summary>Calls the stage (or reuses its cached answer).</summary>
    /// <exception cref="EngineCallException">The engine failed (HTTP error, missing reference data).</exception>
    public async Task<StageCallResult<T>> CallAsync<T>(JsonObject input, Func<T, IReadOnlyList<string>> validate, CancellationToken cancellationToken)
        where T : class
    {
        var (key, inputSha) = CacheKey.For(
            _ledger?.Engine ?? string.Empty, _ledger?.Model ?? string.Empty, _prompt.Stage, _prompt.Sha256, input,
            new CacheSettings(_settings.Temperature, _settings.MaxTokens, _profile.ResponseFormat, _profile.Seed, Effort));
        using var span = SummarizerTelemetry.StartStageCall(new StageCallFacts(
            _prompt.Stage, StageCallFacts.ProviderOf(_ledger?.Engine ?? string.Empty), _ledger?.Model ?? "unknown", _prompt.Version, _settings.Temperature));
        if (_ledger is { UseCache: true } && _ledger.Store.GetAnswer(key) is { } cached && Check(cached.Answer, validate) is ({ } hit, { Count: 0 }))
        {
            _usage.AddReused();
            span.Reused();
            _ledger.Store.RecordCall(_ledger.JobId, _prompt.Stage, key, CallOutcomes.Reused, cached.InputTokens, cached.OutputTokens, 0, null);
            return new StageCallResult<T>(hit, [], Repaired: false);
        }

        var schema = StageJson.Schema(typeof(T));

        // The prompt's max_tokens is the ceiling; the call asks for what its input needs, since quotas charge for it.
        // A reasoning model spends hidden reasoning tokens from the same allowance, which the input does not predict:
        // it gets the prompt file's ceiling for its family, not a size from its input. Sized once, for both calls.
        var room = _profile.IsReasoning ? _settings.MaxTokens : _budget?.For(_prompt.Stage, input, _settings.MaxTokens) ?? _settings.MaxTokens;
        // A call holds its place in the scheduler until its answer is checked and stored, so a process killed at any
        // point has paid again for at most the calls it had in flight.
        var first = await _scheduler.SendAsync(
            new StageCall(_prompt.Stage, key, StageCall.First),
            token => AttemptAsync(input, schema, key, inputSha, repair: null, room, span, validate, paidBefore: null, token),
            cancellationToken).ConfigureAwait(false);
        if (first.Errors.Count == 0)
        {
            return new StageCallResult<T>(first.Output, [], Repaired: false);
        }

        var second = await _scheduler.SendAsync(
            new StageCall(_prompt.Stage, key, StageCall.Repair),
            token => AttemptAsync(input, schema, key, inputSha, new RepairRequest(first.Text, first.Errors), room, span, validate, first.Usage, token),
            cancellationToken).ConfigureAwait(false);
        if (second.Errors.Count > 0)
        {
            _usage.AddFailed();
        }

        // Keep the repaired answer when it parses; else the first one, if that parsed, so partial work survives.
        return new StageCallResult<T>(second.Output ?? first.Output, second.Errors, Repaired: true);
    }

    /// <summary>Sends one attempt, checks its answer, and stores it in the cache when it is valid (charged with the attempt before it, for a repair).</summary>
    private async Task<Attempt<T>> AttemptAsync<T>(
        JsonObject input, JsonObject schema, string key, string inputSha, RepairRequest? repair, int room, StageCallSpan span, Func<T, IReadOnlyList<string>> validate, CallUsage? paidBefore, CancellationToken cancellationToken)
        where T : class
    {
        var (text, usage) = await InvokeAsync(input, schema, key, repair, room, span, cancellationToken).ConfigureAwait(false);
        var (output, errors) = Check(text, validate);
        if (errors.Count == 0)
        {
            Remember(key, inputSha, text, paidBefore is null ? usage : usage with { InputTokens = paidBefore.InputTokens + usage.InputTokens, OutputTokens = paidBefore.OutputTokens + usage.OutputTokens });
        }

        return new Attempt<T>(text, usage, output, errors);
    }

    private void Remember(string key, string inputSha, string answer, CallUsage usage) =>
        _ledger?.Store.PutAnswer(key, inputSha, _prompt.Stage, _ledger.Engine, _ledger.Model, _prompt.Sha256, answer, usage.InputTokens, usage.OutputTokens);

    private async Task<(string Text, CallUsage Usage)> InvokeAsync(JsonObject input, JsonObject schema, string key, RepairRequest? repair, int room, StageCallSpan span, CancellationToken cancellationToken)
    {
        var attempt = repair is null ? StageCall.First : StageCall.Repair;
        try
        {
            return await InvokeOnceAsync(input, schema, new StageCall(_prompt.Stage, key, attempt), repair, room, span, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineCallException ex) when (ex.Code == StageErrorCodes.Length)
        {
            // One more try with twice the room before the caller has to split the work.
            return await InvokeOnceAsync(input, schema, new StageCall(_prompt.Stage, key, attempt + "-" + StageCall.Longer), repair, room * 2, span, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(string Text, CallUsage Usage)> InvokeOnceAsync(JsonObject input, JsonObject schema, StageCall call, RepairRequest? repair, int maxTokens, StageCallSpan span, CancellationToken cancellationToken)
    {
        var key = call.CacheKey;
        var settings = new StageExecutionSettings
        {
            Stage = _prompt.Stage,
            Temperature = _settings.Temperature,
            Family = _profile.Family,
            ReasoningEffort = Effort,
            Seed = _profile.Seed,
            MaxTokens = maxTokens,
            ResponseFormat = _profile.ResponseFormat,
            Schema = schema,
            Input = input,
            Repair = repair,
        };
        var arguments = new KernelArguments(settings);
        foreach (var (name, value) in input)
        {
            arguments[name] = value?.ToJsonString(StageJson.Options) ?? "null";
        }

        var started = Stopwatch.GetTimestamp();
        var ticket = new CallTicket(call.Id);
        CallTicket.Current = ticket;
        FunctionResult result;
        try
        {
            result = await _kernel.InvokeAsync(_function, arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (KernelException ex) when (ex.InnerException is EngineCallException inner)
        {
            _ledger?.Store.RecordCall(_ledger.JobId, _prompt.Stage, key, CallOutcomes.Error, 0, 0, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, inner.Message);
            span.Failed(FailedOutcome(inner), ErrorType(inner), maxTokens, Stopwatch.GetElapsedTime(started));
            throw inner;
        }
        catch (EngineCallException ex)
        {
            _ledger?.Store.RecordCall(_ledger.JobId, _prompt.Stage, key, CallOutcomes.Error, 0, 0, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.Message);
            span.Failed(FailedOutcome(ex), ErrorType(ex), maxTokens, Stopwatch.GetElapsedTime(started));
            throw;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var message = result.GetValue<ChatMessageContent>();
        var usage = message?.Metadata?.TryGetValue(CallUsage.MetadataKey, out var reported) == true && reported is CallUsage u
            ? u
            : new CallUsage(0, 0, "unknown", message?.ModelId);
        if (ticket.CountedBefore)
        {
            // A batch answer this job already paid for and counted, replayed on a later round or after a restart.
            _usage.AddReused();
            _ledger?.Store.RecordCall(_ledger.JobId, _prompt.Stage, key, CallOutcomes.Reused, usage.InputTokens, usage.OutputTokens, 0, null);
        }
        else
        {
            _usage.AddCall(usage, elapsed, repair is not null);
            _ledger?.Store.RecordCall(_ledger.JobId, _prompt.Stage, key, repair is null ? CallOutcomes.Paid : CallOutcomes.Repair, usage.InputTokens, usage.OutputTokens, (long)elapsed.TotalMilliseconds, null);
        }

        span.Answered(usage.InputTokens, usage.OutputTokens, usage.FinishReason, usage.Model, maxTokens, elapsed, repair is not null);
        if (span.RecordsContent)
        {
            span.Content(input.ToJsonString(StageJson.Options), message?.Content);
        }

        if (usage.FinishReason == "length")
        {
            // A cut-off answer cannot be repaired by asking again with the same budget; the caller splits the work.
            throw new EngineCallException($"the answer was cut off at max_tokens {maxTokens} (finish_reason length)", 200, StageErrorCodes.Length);
        }

        return (message?.Content ?? string.Empty, usage);
    }

    /// <summary>What the job store records as <c>error</c>, told apart for telemetry: refused, filtered or failed.</summary>
    private static string FailedOutcome(EngineCallException ex) => ex.Code switch
    {
        StageErrorCodes.Refusal => TelemetryOutcomes.Refused,
        StageErrorCodes.ContentFilter => TelemetryOutcomes.Filtered,
        _ => TelemetryOutcomes.Failed,
    };

    /// <summary>The <c>error.type</c> of a failed call: the engine's code, else the HTTP status (never the message, which may quote text).</summary>
    private static string ErrorType(EngineCallException ex) =>
        ex.Code ?? ex.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? nameof(EngineCallException);

    private static (T? Output, IReadOnlyList<string> Errors) Check<T>(string answer, Func<T, IReadOnlyList<string>> validate)
        where T : class
    {
        T output;
        try
        {
            output = StageJson.Deserialize<T>(answer);
        }
        catch (JsonException ex)
        {
            return (null, [$"the answer is not valid JSON of the requested shape ({ex.Message.Split('\n')[0]})"]);
        }

        return (output, validate(output));
    }

    /// <summary>One attempt's answer: its text and usage, what it parsed to, and what is still wrong with it.</summary>
    private sealed record Attempt<T>(string Text, CallUsage Usage, T? Output, IReadOnlyList<string> Errors)
        where T : class;
}

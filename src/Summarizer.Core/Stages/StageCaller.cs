using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using Summarizer.Core.Engines;
using Summarizer.Core.Prompts;

namespace Summarizer.Core.Stages;

/// <summary>
/// Calls one stage through Semantic Kernel: the versioned prompt becomes a kernel prompt function, the input's
/// top-level properties become input variables holding JSON, and the answer is parsed and validated.
/// An invalid answer gets one repair call listing the errors; what is still wrong is returned, never thrown away.
/// </summary>
public sealed class StageCaller
{
    private readonly Kernel _kernel;
    private readonly KernelFunction _function;
    private readonly StagePrompt _prompt;
    private readonly string _responseFormat;
    private readonly StageUsage.Counter _usage;

    /// <summary>Initializes a new instance of the <see cref="StageCaller"/> class.</summary>
    public StageCaller(Kernel kernel, StagePrompt prompt, string responseFormat, StageUsage usage)
    {
        _kernel = kernel;
        _prompt = prompt;
        _responseFormat = responseFormat;
        _usage = usage.For(prompt.Stage);
        _function = KernelFunctionFactory.CreateFromPrompt(prompt.Config);
    }

    /// <summary>Gets the prompt this caller uses.</summary>
    public StagePrompt Prompt => _prompt;

    /// <summary>Calls the stage.</summary>
    /// <exception cref="EngineCallException">The engine failed (HTTP error, missing reference data).</exception>
    public async Task<StageCallResult<T>> CallAsync<T>(JsonObject input, Func<T, IReadOnlyList<string>> validate, CancellationToken cancellationToken)
        where T : class
    {
        var schema = StageJson.Schema(typeof(T));
        var first = await InvokeAsync(input, schema, repair: null, cancellationToken).ConfigureAwait(false);
        var (output, errors) = Check(first, validate);
        if (errors.Count == 0)
        {
            return new StageCallResult<T>(output, [], Repaired: false);
        }

        var second = await InvokeAsync(input, schema, new RepairRequest(first, errors), cancellationToken).ConfigureAwait(false);
        var (repaired, remaining) = Check(second, validate);
        if (remaining.Count > 0)
        {
            _usage.AddFailed();
        }

        // Keep the repaired answer when it parses; else the first one, if that parsed, so partial work survives.
        return new StageCallResult<T>(repaired ?? output, remaining, Repaired: true);
    }

    private async Task<string> InvokeAsync(JsonObject input, JsonObject schema, RepairRequest? repair, CancellationToken cancellationToken)
    {
        var settings = new StageExecutionSettings
        {
            Stage = _prompt.Stage,
            Temperature = _prompt.Settings.Temperature,
            MaxTokens = _prompt.Settings.MaxTokens,
            ResponseFormat = _responseFormat,
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
        FunctionResult result;
        try
        {
            result = await _kernel.InvokeAsync(_function, arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (KernelException ex) when (ex.InnerException is EngineCallException inner)
        {
            throw inner;
        }

        var message = result.GetValue<ChatMessageContent>();
        var usage = message?.Metadata?.TryGetValue(CallUsage.MetadataKey, out var reported) == true && reported is CallUsage u
            ? u
            : new CallUsage(0, 0, "unknown", message?.ModelId);
        _usage.AddCall(usage, Stopwatch.GetElapsedTime(started), repair is not null);
        return message?.Content ?? string.Empty;
    }

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
}

using System.ClientModel.Primitives;
using System.Text.Json;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Services;
using OpenAI.Chat;
using SkChatMessageContent = Microsoft.SemanticKernel.ChatMessageContent;

namespace Summarizer.Core.Engines;

/// <summary>
/// Puts the small things this tool needs around Semantic Kernel's own <c>AzureOpenAIChatCompletionService</c> or
/// <c>OpenAIChatCompletionService</c>: stage settings become connector settings (<see cref="ConnectorSettings"/>), a
/// repair call carries the previous answer and its errors, failures become <see cref="EngineCallException"/>s, and
/// every answer is read for what the connectors pass through but do not act on: usage, a cut-off
/// (<c>finish_reason: length</c>), output filtering with its category and severity, and a structured-outputs refusal.
/// An HTTP-date <c>retry-after</c> is counted from <paramref name="clock"/> (the system clock when null), the job's clock.
/// </summary>
public sealed class ConnectorChatCompletionService(IChatCompletionService connector, string modelLabel, bool azureDeployments, SecretRedactor redactor, TimeProvider? clock = null) : WholeAnswerChatService
{
    /// <inheritdoc />
    public override IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?> { [AIServiceExtensions.ModelIdKey] = modelLabel };

    /// <inheritdoc />
    public override async Task<IReadOnlyList<SkChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        CancellationToken cancellationToken = default)
    {
        var stage = executionSettings as StageExecutionSettings;
        var history = stage?.Repair is { } repair ? WithRepair(chatHistory, repair) : chatHistory;
        var settings = stage is null ? executionSettings : ConnectorSettings.For(stage, azureDeployments);
        IReadOnlyList<SkChatMessageContent> answers;
        try
        {
            answers = await connector.GetChatMessageContentsAsync(history, settings, kernel: null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ServiceErrors.From(ex, clock) is { } engine)
        {
            throw engine.Redacted(redactor);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or KeyNotFoundException or NullReferenceException or FormatException)
        {
            // A gateway's HTML page, {}, an empty body, no choices: the SDK cannot read it. Proxies send these for
            // passing faults, so it is retried like a 5xx (502), and the item fails with this reason if it persists.
            throw NotACompletion($"{ex.GetType().Name}: {ex.Message.Split('\n')[0]}", ex);
        }

        return answers.Count > 0 && answers[0].InnerContent is ChatCompletion { Content: not null }
            ? [Read(answers[0])]
            : throw NotACompletion("no choices", null);
    }


    private static EngineCallException NotACompletion(string why, Exception? inner) =>
        new($"the service answered 200 with a body that is not a chat completion ({why})", 502, "invalid_response", inner);

    private static ChatHistory WithRepair(ChatHistory history, RepairRequest repair)
    {
        var copy = new ChatHistory(history);
        copy.AddAssistantMessage(repair.PreviousAnswer);
        copy.AddUserMessage(repair.Message);
        return copy;
    }

    private SkChatMessageContent Read(SkChatMessageContent answer)
    {
        var completion = answer.InnerContent as ChatCompletion;
        var refusal = completion?.Refusal;
        if (!string.IsNullOrWhiteSpace(refusal))
        {
            // A refusal is the model's considered answer: a repair call would pay to hear it again.
            throw new EngineCallException($"the model refused: {ServiceErrors.Shorten(refusal)}", 200, EngineErrorCodes.Refusal) { Refusal = refusal };
        }

        var finish = completion?.FinishReason;
        if (finish == ChatFinishReason.ContentFilter)
        {
            var verdict = completion is null ? new ContentFilterVerdict("unknown", "unknown", "completion") : Verdict(completion);
            throw new EngineCallException($"the answer was withheld by the content filter (finish_reason content_filter; {verdict.Category}/{verdict.Severity})", 200, EngineErrorCodes.ContentFilter)
            {
                Filter = verdict,
            };
        }

        var usage = new CallUsage(
            completion?.Usage?.InputTokenCount ?? 0,
            completion?.Usage?.OutputTokenCount ?? 0,
            finish is { } reason ? FinishReasonName(reason) : "unknown",
            completion?.Model ?? answer.ModelId);
        var metadata = new Dictionary<string, object?>(answer.Metadata ?? new Dictionary<string, object?>()) { [CallUsage.MetadataKey] = usage };
        return new SkChatMessageContent(AuthorRole.Assistant, answer.Content ?? string.Empty, modelId: usage.Model ?? modelLabel, innerContent: completion, metadata: metadata);
    }

    /// <summary>The typed completion drops Azure's annotations; its JSON form keeps every property the service sent.</summary>
    private static ContentFilterVerdict Verdict(ChatCompletion completion)
    {
        using var json = JsonDocument.Parse(ModelReaderWriter.Write(completion, ModelReaderWriterOptions.Json));
        return ContentFilterResults.FromCompletion(json.RootElement);
    }

    private static string FinishReasonName(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Stop => "stop",
        ChatFinishReason.Length => "length",
        ChatFinishReason.ContentFilter => "content_filter",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.FunctionCall => "function_call",
        _ => reason.ToString().ToLowerInvariant(),
    };
}

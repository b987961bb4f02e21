using System.ClientModel;
using System.Text.Json;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Services;
using OpenAI.Chat;
using SkChatMessageContent = Microsoft.SemanticKernel.ChatMessageContent;

namespace Summarizer.Core.Engines;

/// <summary>
/// Adapts an <see cref="ChatClient"/> (OpenAI or Azure OpenAI, version 2.1.0) to Semantic Kernel's
/// <see cref="IChatCompletionService"/>. The SK connectors of this SK version need newer OpenAI packages that break
/// Azure.AI.OpenAI 2.1.0 at run time (DESIGN.md), so this small adapter is the seam instead.
/// </summary>
public sealed class ChatClientCompletionService(ChatClient client, string modelLabel) : IChatCompletionService
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?> { [AIServiceExtensions.ModelIdKey] = modelLabel };

    /// <inheritdoc />
    public async Task<IReadOnlyList<SkChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        CancellationToken cancellationToken = default)
    {
        var settings = executionSettings as StageExecutionSettings;
        var messages = ToMessages(chatHistory, settings?.Repair);
        var options = settings is null ? new ChatCompletionOptions() : ToOptions(settings);

        ChatCompletion completion;
        try
        {
            completion = (await client.CompleteChatAsync(messages, options, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (ClientResultException ex)
        {
            throw ToEngineException(ex);
        }
        catch (HttpRequestException ex)
        {
            throw new EngineCallException($"cannot reach the endpoint ({ex.HttpRequestError})", inner: ex);
        }

        if (completion.FinishReason == ChatFinishReason.ContentFilter)
        {
            throw new EngineCallException("the answer was withheld by the content filter (finish_reason content_filter)", 200, "content_filter")
            {
                Filter = new ContentFilterVerdict("unknown", "unknown", "completion"),
            };
        }

        var text = completion.Content.Count > 0 ? string.Concat(completion.Content.Select(p => p.Text)) : string.Empty;
        var usage = new CallUsage(
            completion.Usage?.InputTokenCount ?? 0,
            completion.Usage?.OutputTokenCount ?? 0,
            FinishReasonName(completion.FinishReason),
            completion.Model);
        return
        [
            new SkChatMessageContent(AuthorRole.Assistant, text, modelId: completion.Model ?? modelLabel)
            {
                Metadata = new Dictionary<string, object?> { [CallUsage.MetadataKey] = usage },
            },
        ];
    }

    /// <inheritdoc />
    public IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        CancellationToken cancellationToken = default) =>
        WholeAnswerStream.From(GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken), cancellationToken);

    private static List<ChatMessage> ToMessages(ChatHistory history, RepairRequest? repair)
    {
        var messages = new List<ChatMessage>(history.Count + 2);
        foreach (var message in history)
        {
            var content = message.Content ?? string.Empty;
            messages.Add(message.Role.Label switch
            {
                "system" => new SystemChatMessage(content),
                "assistant" => new AssistantChatMessage(content),
                _ => new UserChatMessage(content),
            });
        }

        if (repair is not null)
        {
            messages.Add(new AssistantChatMessage(repair.PreviousAnswer));
            messages.Add(new UserChatMessage(repair.Message));
        }

        return messages;
    }

    private static ChatCompletionOptions ToOptions(StageExecutionSettings settings) => new()
    {
        Temperature = (float)settings.Temperature,
        MaxOutputTokenCount = settings.MaxTokens,
        ResponseFormat = settings.ResponseFormat switch
        {
            "json_schema" => ChatResponseFormat.CreateJsonSchemaFormat(
                settings.Stage,
                BinaryData.FromString(settings.Schema.ToJsonString()),
                jsonSchemaIsStrict: true),
            "json_object" => ChatResponseFormat.CreateJsonObjectFormat(),
            _ => null,
        },
    };

    private static string FinishReasonName(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Stop => "stop",
        ChatFinishReason.Length => "length",
        ChatFinishReason.ContentFilter => "content_filter",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.FunctionCall => "function_call",
        _ => reason.ToString().ToLowerInvariant(),
    };

    /// <summary>Keeps the service's status, error code, message, retry-after and filter verdict; never the request (or its key).</summary>
    private static EngineCallException ToEngineException(ClientResultException ex)
    {
        if (ex.Status == 0)
        {
            // No HTTP response at all: connection refused, DNS, TLS. The inner message names the host, never the request.
            return new EngineCallException($"cannot reach the endpoint ({ex.InnerException?.Message ?? ex.Message})", 0, inner: ex);
        }

        var response = ex.GetRawResponse();
        string? code = null, message = null;
        ContentFilterVerdict? filter = null;
        try
        {
            var body = response?.Content?.ToString();
            if (!string.IsNullOrEmpty(body))
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.TryGetProperty("error", out var error))
                {
                    code = error.TryGetProperty("code", out var c) ? c.ToString() : null;
                    message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
                    filter = code == "content_filter" ? FilterVerdict(error) : null;
                }
            }
        }
        catch (JsonException)
        {
            // Not a JSON error body; the status alone is the message.
        }

        var text = $"HTTP {ex.Status}" + (code is null ? string.Empty : $" {code}") + (message is null ? string.Empty : $": {Shorten(message)}");
        return new EngineCallException(text, ex.Status, code, ex) { RetryAfter = RetryAfter(response), Filter = filter };
    }

    /// <summary>Azure puts the categories that fired under innererror.content_filter_result: {"violence":{"filtered":true,"severity":"medium"}}.</summary>
    private static ContentFilterVerdict FilterVerdict(JsonElement error)
    {
        if (error.TryGetProperty("innererror", out var inner) && inner.TryGetProperty("content_filter_result", out var result) && result.ValueKind == JsonValueKind.Object)
        {
            foreach (var category in result.EnumerateObject())
            {
                if (category.Value.ValueKind == JsonValueKind.Object && category.Value.TryGetProperty("filtered", out var filtered) && filtered.ValueKind == JsonValueKind.True)
                {
                    var severity = category.Value.TryGetProperty("severity", out var s) ? s.GetString() ?? "unknown" : "unknown";
                    return new ContentFilterVerdict(category.Name, severity, "prompt");
                }
            }
        }

        return new ContentFilterVerdict("unknown", "unknown", "prompt");
    }

    /// <summary>Azure sends <c>retry-after-ms</c> (milliseconds) and <c>retry-after</c> (seconds or an HTTP date); the first wins.</summary>
    private static TimeSpan? RetryAfter(System.ClientModel.Primitives.PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
        }

        if (response.Headers.TryGetValue("retry-after", out var after))
        {
            if (double.TryParse(after, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Max(0, seconds));
            }

            if (DateTimeOffset.TryParse(after, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date))
            {
                var wait = date - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 300), "…");
}

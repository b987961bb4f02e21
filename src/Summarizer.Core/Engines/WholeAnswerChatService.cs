using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Summarizer.Core.Engines;

/// <summary>
/// A chat completion service whose stream carries each whole answer as one piece: stages validate whole answers, so
/// every service of this tool answers streaming calls from its non-streaming one.
/// </summary>
public abstract class WholeAnswerChatService : IChatCompletionService
{
    /// <inheritdoc />
    public abstract IReadOnlyDictionary<string, object?> Attributes { get; }

    /// <inheritdoc />
    public abstract Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        CancellationToken cancellationToken = default) =>
        WholeAnswerStream.From(GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken), cancellationToken);
}

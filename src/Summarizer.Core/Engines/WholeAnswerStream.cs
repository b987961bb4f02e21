using System.Runtime.CompilerServices;
using Microsoft.SemanticKernel;

namespace Summarizer.Core.Engines;

/// <summary>Stages validate whole answers, so the engines' streams carry each whole answer as one piece.</summary>
internal static class WholeAnswerStream
{
    public static async IAsyncEnumerable<StreamingChatMessageContent> From(
        Task<IReadOnlyList<ChatMessageContent>> answers,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var message in await answers.WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StreamingChatMessageContent(message.Role, message.Content, modelId: message.ModelId, metadata: message.Metadata);
        }
    }
}

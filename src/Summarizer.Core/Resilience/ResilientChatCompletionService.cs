using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Polly;
using Summarizer.Core.Chunking;
using Summarizer.Core.Engines;

namespace Summarizer.Core.Resilience;

/// <summary>
/// Puts a deployment's calls through the resilience pipeline: each attempt first waits for client-side quota (its
/// estimated tokens: the prompt counted with the tokenizer plus max_tokens) and a concurrency slot, so every worker of
/// every job shares one quota per deployment, and 429s shrink the concurrency until they stop.
/// </summary>
public sealed class ResilientChatCompletionService(
    IChatCompletionService inner,
    ResiliencePipeline pipeline,
    QuotaLimiter quota,
    AdaptiveConcurrency concurrency,
    ITokenCounter tokens,
    ResilienceStats stats) : IChatCompletionService
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?> Attributes => inner.Attributes;

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        CancellationToken cancellationToken = default)
    {
        var estimate = Estimate(chatHistory, executionSettings);
        try
        {
            return await ExecuteAsync(chatHistory, executionSettings, kernel, estimate, cancellationToken).ConfigureAwait(false);
        }
        catch (Polly.Timeout.TimeoutRejectedException ex)
        {
            throw new EngineCallException($"the model call timed out after retries ({ex.Timeout.TotalSeconds:0.#} s)", 408, "timeout", ex);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException ex)
        {
            throw new EngineCallException("the deployment keeps failing; its circuit is open", 503, "circuit_open", ex);
        }
    }

    private async Task<IReadOnlyList<ChatMessageContent>> ExecuteAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings,
        Kernel? kernel,
        int estimate,
        CancellationToken cancellationToken)
    {
        return await pipeline.ExecuteAsync(
            async token =>
            {
                await quota.AcquireAsync(estimate, token).ConfigureAwait(false);
                using var slot = await concurrency.EnterAsync(token).ConfigureAwait(false);
                stats.Attempt();
                try
                {
                    var answer = await inner.GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, token).ConfigureAwait(false);
                    concurrency.Succeeded();
                    return answer;
                }
                catch (EngineCallException ex) when (ex.Status == 429)
                {
                    stats.Throttle();
                    concurrency.Throttled();
                    throw;
                }
                catch (EngineCallException ex) when (ex.Status is 0 or >= 500)
                {
                    stats.ServerError();
                    throw;
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        CancellationToken cancellationToken = default) =>
        WholeAnswerStream.From(GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken), cancellationToken);

    /// <summary>What Azure reserves from the quota at admission: the prompt's tokens plus max_tokens.</summary>
    private int Estimate(ChatHistory history, PromptExecutionSettings? settings)
    {
        var prompt = history.Sum(m => tokens.Count(m.Content) + 4);
        if (settings is StageExecutionSettings { Repair: { } repair })
        {
            prompt += tokens.Count(repair.PreviousAnswer) + tokens.Count(repair.Message) + 8;
        }

        return prompt + (settings is StageExecutionSettings stage ? stage.MaxTokens : 4000);
    }
}

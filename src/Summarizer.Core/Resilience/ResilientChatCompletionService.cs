using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Polly;
using Summarizer.Core.Engines;
using Summarizer.Core.Telemetry;
using Summarizer.Core.Tokens;

namespace Summarizer.Core.Resilience;

/// <summary>
/// Puts model calls through the resilience pipeline over a pool of one or more deployments. Each attempt takes the
/// next deployment that is not resting, waits for a concurrency slot and then for its client-side quota (estimated
/// tokens: the prompt counted with the tokenizer plus max_tokens), and calls it at once, so the quota's ledger holds
/// the moment the service sees the call. A deployment that answers 429 or fails rests (for
/// its retry-after, or a few seconds) and the attempt moves on to the next one at once; only when every deployment
/// rests does the failure go back to the retry strategy, with the shortest rest as its retry-after.
/// </summary>
public sealed class ResilientChatCompletionService(
    IReadOnlyList<Deployment> deployments,
    ResiliencePipeline pipeline,
    ITokenCounter tokens,
    ResilienceStats stats,
    TimeProvider time) : WholeAnswerChatService
{
    private static readonly TimeSpan FailureRest = TimeSpan.FromSeconds(5);
    private int _next = -1;

    /// <summary>Gets the deployments of the pool.</summary>
    public IReadOnlyList<Deployment> Deployments => deployments;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, object?> Attributes => deployments[0].Service.Attributes;

    /// <inheritdoc />
    public override async Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
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
        return await pipeline.ExecuteAsync(token => AttemptAsync(chatHistory, executionSettings, kernel, estimate, token), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<IReadOnlyList<ChatMessageContent>> AttemptAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings,
        Kernel? kernel,
        int estimate,
        CancellationToken cancellationToken)
    {
        // A call a batch scheduler runs is answered from a batch or kept for one: it reaches no deployment in real time,
        // so it takes no place in a deployment's concurrency and no share of its per-minute quota.
        if (BatchTransportHandler.Exchange is not null)
        {
            return await deployments[0].Service.GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken).ConfigureAwait(false);
        }

        // A call that gave its job slot back while it waited out a retry-after takes it again first.
        if (CallSlot.Current is { } place)
        {
            await place.RetakeAsync(cancellationToken).ConfigureAwait(false);
        }

        EngineCallException? last = null;
        var start = Interlocked.Increment(ref _next);
        for (var i = 0; i < deployments.Count; i++)
        {
            var deployment = deployments[(int)((uint)(start + i) % deployments.Count)];
            if (deployments.Count > 1 && deployment.RestRemaining(time.GetUtcNow()) > TimeSpan.Zero)
            {
                continue;
            }

            using var slot = await deployment.Concurrency.EnterAsync(cancellationToken).ConfigureAwait(false);
            var queued = time.GetTimestamp();
            var admission = await deployment.Quota.AcquireAsync(estimate, cancellationToken).ConfigureAwait(false);
            SummarizerTelemetry.QuotaWaited(deployment.Name, time.GetElapsedTime(queued));
            deployment.Quota.Current = admission;
            stats.Attempt();
            try
            {
                var answer = await deployment.Service.GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken).ConfigureAwait(false);
                deployment.Served();
                return answer;
            }
            catch (EngineCallException ex) when (ex.IsTransient)
            {
                var throttled = ex.Status == 429;
                if (throttled)
                {
                    // A refused call is not charged; keeping it in the ledger would pace the next ones too slowly.
                    deployment.Quota.Refund(admission);
                    stats.Throttle();
                    SummarizerTelemetry.Throttled();
                }
                else
                {
                    stats.ServerError();
                }

                deployment.Rest(time.GetUtcNow(), ex.RetryAfter ?? (throttled ? TimeSpan.FromSeconds(1) : FailureRest), throttled);
                last = new EngineCallException(ex.Message, ex.Status, ex.Code, ex) { RetryAfter = ex.RetryAfter, Filter = ex.Filter, Refusal = ex.Refusal, Deployment = deployment.Name };
            }
        }

        if (last is null)
        {
            // Every deployment was resting before this attempt could try one.
            var rest = deployments.Min(d => d.RestRemaining(time.GetUtcNow()));
            throw new EngineCallException("every deployment of the pool is resting after throttling or failures", 429, "pool_resting") { RetryAfter = rest };
        }

        // Tell the retry strategy to wait for the first deployment to be usable again.
        var wait = deployments.Count > 1 ? deployments.Min(d => d.RestRemaining(time.GetUtcNow())) : last.RetryAfter;
        throw new EngineCallException(last.Message, last.Status, last.Code, last) { RetryAfter = wait, Deployment = deployments.Count > 1 ? "the pool" : last.Deployment };
    }


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

using System.ClientModel.Primitives;

namespace Summarizer.Core.Resilience;

/// <summary>
/// The one place on the HTTP path where rate-limit headers are read: on every answer, 2xx and 429 alike, it hands
/// them to the deployment's <see cref="QuotaLimiter"/> with the admission of the call that got them. It sits under the
/// SDK clients as their transport, so it serves any client built on System.ClientModel (the OpenAI and Azure OpenAI
/// clients, and Semantic Kernel's connectors over them).
/// </summary>
public sealed class RateLimitHeadersHandler(QuotaLimiter quota) : DelegatingHandler
{
    /// <summary>
    /// A transport for <c>OpenAIClientOptions.Transport</c> or <c>AzureOpenAIClientOptions.Transport</c> that reads the
    /// headers for <paramref name="quota"/>. The SDK's network timeout governs, so the HttpClient's own is off. In front
    /// of it sits the batch step (<see cref="Engines.BatchTransportHandler"/>), which lets every request through unless a
    /// batch scheduler runs the call.
    /// </summary>
    public static HttpClientPipelineTransport Transport(QuotaLimiter quota) =>
        new(new HttpClient(new Engines.BatchTransportHandler { InnerHandler = new RateLimitHeadersHandler(quota) { InnerHandler = new SocketsHttpHandler() } }) { Timeout = Timeout.InfiniteTimeSpan });

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var admission = quota.Current;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        quota.Observe(RateLimitHeaders.From(response.Headers), admission, throttled: (int)response.StatusCode == 429);

        return response;
    }
}

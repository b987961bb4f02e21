using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Summarizer.Core.Engines;

/// <summary>What a batch scheduler tells the chat transport about one call.</summary>
public interface IBatchExchange
{
    /// <summary>The call's answer from a finished batch, or <see langword="null"/> when the call is to go into the next batch.</summary>
    /// <exception cref="EngineCallException">The call's batch line failed twice: the item fails with the reason.</exception>
    BatchReply? Reply(string callId);

    /// <summary>Keeps the exact request the call would have sent, for the next batch.</summary>
    void Capture(string callId, JsonObject body);
}

/// <summary>A batch line's answer as the service gave it, and whether this job already counted it as paid.</summary>
public sealed record BatchReply(int Status, string Body, bool CountedBefore);

/// <summary>The identity of the model call under way in this async flow, and what the transport learnt of it.</summary>
public sealed class CallTicket(string id)
{
    private static readonly AsyncLocal<CallTicket?> Ambient = new();

    /// <summary>Gets or sets the ticket of the call under way in this async flow.</summary>
    public static CallTicket? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    /// <summary>Gets the call's id (its cache key, with the attempt): a batch line's <c>custom_id</c>.</summary>
    public string Id { get; } = id;

    /// <summary>Gets or sets a value indicating whether the answer came from a batch the job had already counted.</summary>
    public bool CountedBefore { get; set; }
}

/// <summary>The scheduler wants this call sent later, in a batch; what depends on its answer waits for the next round.</summary>
public sealed class CallDeferredException(string callId) : Exception($"call {callId} waits for its batch")
{
    /// <summary>Gets the id of the call that waits.</summary>
    public string CallId { get; } = callId;

    /// <summary>Finds the deferral in an exception or the exceptions it wraps.</summary>
    public static CallDeferredException? In(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is CallDeferredException deferred)
            {
                return deferred;
            }
        }

        return null;
    }
}

/// <summary>
/// The chat transport's batch step: when a batch scheduler runs the call, the request the connector built is never
/// sent. Either the call's batch line already has an answer, which is handed back as the service gave it (so the
/// connector reads it exactly as a realtime answer), or the request body is kept for the next batch and the call is
/// deferred. Without a batch scheduler, requests pass through.
/// </summary>
public sealed class BatchTransportHandler : DelegatingHandler
{
    private static readonly AsyncLocal<IBatchExchange?> Ambient = new();

    /// <summary>Gets or sets the batch scheduler of the calls in this async flow.</summary>
    public static IBatchExchange? Exchange
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Exchange is not { } exchange || CallTicket.Current is not { } ticket)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (exchange.Reply(ticket.Id) is { } reply)
        {
            ticket.CountedBefore = reply.CountedBefore;
            return new HttpResponseMessage((HttpStatusCode)reply.Status)
            {
                Content = new StringContent(reply.Body, Encoding.UTF8, "application/json"),
                RequestMessage = request,
            };
        }

        var text = request.Content is null ? "{}" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        exchange.Capture(ticket.Id, JsonNode.Parse(text) as JsonObject ?? []);
        throw new CallDeferredException(ticket.Id);
    }
}

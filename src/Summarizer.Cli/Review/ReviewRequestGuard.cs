using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Summarizer.Core.Review;

namespace Summarizer.Cli.Review;

/// <summary>
/// What the review server checks before it does anything, so that no other page in the reviewer's browser, and no
/// other site reached through DNS rebinding, can read a page or record an edit: the <c>Host</c> is the server's own
/// address (an IP literal, or <c>localhost</c> on loopback; never another name); a state-changing request carries the
/// session token in <see cref="ReviewEditor.TokenHeader"/> (a header, which a cross-site form or image cannot send, and
/// no cookie the browser would attach by itself), names no foreign <c>Origin</c>, and is <c>application/json</c>.
/// </summary>
/// <param name="token">The session token.</param>
/// <param name="listen">The address the server listens on.</param>
/// <param name="port">The port it listens on.</param>
public sealed class ReviewRequestGuard(string token, IPAddress listen, int port)
{
    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);

    /// <summary>Checks a request; returns why it is refused (status code and one line), or null when it may proceed.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="host">The <c>Host</c> header.</param>
    /// <param name="origin">The <c>Origin</c> header, if any.</param>
    /// <param name="sentToken">The token header, if any.</param>
    /// <param name="contentType">The <c>Content-Type</c> header, if any.</param>
    public (int Status, string Reason)? Check(string method, string? host, string? origin, string? sentToken, string? contentType)
    {
        if (!IsOwnHost(host))
        {
            return (StatusCodes.Status403Forbidden, $"Host '{host}' is not this review server's address");
        }

        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            return null;
        }

        if (origin is not null && !string.Equals(origin, "http://" + host, StringComparison.OrdinalIgnoreCase))
        {
            return (StatusCodes.Status403Forbidden, $"Origin '{origin}' is not this review server");
        }

        if (!HasToken(sentToken))
        {
            return (StatusCodes.Status403Forbidden, $"missing or wrong session token ({ReviewEditor.TokenHeader})");
        }

        return MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            ? null
            : (StatusCodes.Status415UnsupportedMediaType, "only application/json is accepted");
    }

    /// <summary>Tells whether a path segment or header holds the session token (compared in constant time).</summary>
    public bool HasToken(string? sent) =>
        sent is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), _token);

    private bool IsOwnHost(string? host)
    {
        var parsed = HostString.FromUriComponent(host ?? string.Empty);
        if (!parsed.HasValue || parsed.Port != port)
        {
            return false;
        }

        var any = listen.Equals(IPAddress.Any) || listen.Equals(IPAddress.IPv6Any);
        if (parsed.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return any || IPAddress.IsLoopback(listen);
        }

        // Only IP literals: a name could be rebound by its owner's DNS to this machine.
        return IPAddress.TryParse(parsed.Host.Trim('[', ']'), out var address)
            && (any || address.Equals(listen) || (IPAddress.IsLoopback(listen) && IPAddress.IsLoopback(address)));
    }
}

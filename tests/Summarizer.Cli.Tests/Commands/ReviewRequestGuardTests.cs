using System.Net;
using Summarizer.Cli.Review;

namespace Summarizer.Cli.Tests.Commands;

/// <summary>The review server's checks: its own address only (no DNS-rebound name), and a post needs the token, its own origin and JSON.</summary>
public sealed class ReviewRequestGuardTests
{
    private const string Token = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3Jh";
    private readonly ReviewRequestGuard _loopback = new(Token, IPAddress.Loopback, 4100);

    [Theory]
    [InlineData("127.0.0.1:4100", true)]
    [InlineData("localhost:4100", true)]
    [InlineData("127.0.0.2:4100", true)]
    [InlineData("127.0.0.1:4101", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("rebound.example:4100", false)]
    [InlineData("192.168.1.5:4100", false)]
    [InlineData("", false)]
    public void A_page_is_served_only_to_a_request_for_the_servers_own_address(string host, bool allowed)
    {
        Assert.Equal(allowed, _loopback.Check("GET", host, origin: null, sentToken: null, contentType: null) is null);
    }

    [Fact]
    public void On_all_interfaces_any_ip_literal_is_the_server_but_a_name_other_than_localhost_is_not()
    {
        var any = new ReviewRequestGuard(Token, IPAddress.Any, 4100);

        Assert.Null(any.Check("GET", "192.168.1.5:4100", null, null, null));
        Assert.Null(any.Check("GET", "localhost:4100", null, null, null));
        Assert.Equal(403, any.Check("GET", "rebound.example:4100", null, null, null)?.Status);
    }

    [Theory]
    [InlineData(null, Token, "application/json", null)]
    [InlineData("http://127.0.0.1:4100", Token, "application/json; charset=utf-8", null)]
    [InlineData("http://127.0.0.1:4100", null, "application/json", 403)]
    [InlineData("http://127.0.0.1:4100", Token + "x", "application/json", 403)]
    [InlineData("http://127.0.0.1:4100", "", "application/json", 403)]
    [InlineData("http://evil.example", Token, "application/json", 403)]
    [InlineData("null", Token, "application/json", 403)]
    [InlineData("http://localhost:4100", Token, "application/json", 403)]
    [InlineData("http://127.0.0.1:4100", Token, "text/plain", 415)]
    [InlineData("http://127.0.0.1:4100", Token, "application/x-www-form-urlencoded", 415)]
    [InlineData("http://127.0.0.1:4100", Token, null, 415)]
    public void A_post_needs_the_token_no_foreign_origin_and_json(string? origin, string? token, string? contentType, int? refusedWith)
    {
        Assert.Equal(refusedWith, _loopback.Check("POST", "127.0.0.1:4100", origin, token, contentType)?.Status);
    }
}

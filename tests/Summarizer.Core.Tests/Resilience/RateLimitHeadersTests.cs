using System.Net;
using Microsoft.Extensions.Time.Testing;
using Summarizer.Core.Resilience;

namespace Summarizer.Core.Tests.Resilience;

public class RateLimitHeadersTests
{
    [Theory]
    [InlineData("20ms", 0.02)]
    [InlineData("1s", 1)]
    [InlineData("1.5s", 1.5)]
    [InlineData("6m0s", 360)]
    [InlineData("1h2m3s", 3723)]
    [InlineData("7", 7)]
    public void Reset_durations_read_as_OpenAI_writes_them(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RateLimitHeaders.Duration(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("5x")]
    [InlineData("-1")]
    public void Durations_that_are_not_durations_are_null(string? text) => Assert.Null(RateLimitHeaders.Duration(text));

    [Fact]
    public void Azure_answers_carry_remaining_counts_only_and_minus_one_means_unknown()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("x-ratelimit-remaining-requests", "599");
        response.Headers.Add("x-ratelimit-remaining-tokens", "118400");
        response.Headers.Add("x-ratelimit-limit-tokens", "-1");

        var headers = RateLimitHeaders.From(response.Headers);

        Assert.Equal(new RateLimitHeaders(null, null, 118_400, 599, null, null), headers);
    }

    [Fact]
    public void An_answer_without_rate_limit_headers_says_nothing()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);

        Assert.Null(RateLimitHeaders.From(response.Headers));
    }

    [Fact]
    public async Task The_handler_hands_every_answer_429s_included_to_the_quota_with_the_calls_admission()
    {
        var time = new FakeTimeProvider();
        await using var quota = new QuotaLimiter(0, 0, 1, time);
        using var client = new HttpClient(new RateLimitHeadersHandler(quota) { InnerHandler = new Canned(HttpStatusCode.TooManyRequests) });
        var earlier = await quota.AcquireAsync(4_000, CancellationToken.None);
        quota.Observe(null, earlier, throttled: false);
        quota.Current = await quota.AcquireAsync(6_000, CancellationToken.None);

        using var response = await client.GetAsync(new Uri("http://127.0.0.1/"));

        // Refused, the call was not counted: what remains plus the earlier call is the limit.
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(50_000, quota.TokensPerMinute);
    }

    private sealed class Canned(HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(status);
            response.Headers.Add("x-ratelimit-remaining-tokens", "46000");
            response.Headers.Add("retry-after-ms", "1500");
            return Task.FromResult(response);
        }
    }
}

using System.Globalization;
using System.Net.Http.Headers;

namespace Summarizer.Core.Resilience;

/// <summary>
/// What a service said about its rate limits on one answer (2xx or 429). Azure OpenAI sends
/// <c>x-ratelimit-remaining-requests</c> and <c>x-ratelimit-remaining-tokens</c>; OpenAI adds
/// <c>x-ratelimit-limit-requests</c>, <c>x-ratelimit-limit-tokens</c> and <c>x-ratelimit-reset-requests</c>,
/// <c>x-ratelimit-reset-tokens</c> (durations such as <c>20ms</c>, <c>1s</c>, <c>6m0s</c>: the time until the limit is
/// whole again). A value the service did not send, or sent as -1 (Azure's Responses API does), is null.
/// </summary>
public sealed record RateLimitHeaders(
    long? LimitTokens,
    long? LimitRequests,
    long? RemainingTokens,
    long? RemainingRequests,
    TimeSpan? ResetTokens,
    TimeSpan? ResetRequests)
{
    /// <summary>The header names, as both services spell them.</summary>
    public const string LimitTokensName = "x-ratelimit-limit-tokens";

    /// <summary>The request limit header.</summary>
    public const string LimitRequestsName = "x-ratelimit-limit-requests";

    /// <summary>The remaining tokens header.</summary>
    public const string RemainingTokensName = "x-ratelimit-remaining-tokens";

    /// <summary>The remaining requests header.</summary>
    public const string RemainingRequestsName = "x-ratelimit-remaining-requests";

    /// <summary>The token reset header (OpenAI).</summary>
    public const string ResetTokensName = "x-ratelimit-reset-tokens";

    /// <summary>The request reset header (OpenAI).</summary>
    public const string ResetRequestsName = "x-ratelimit-reset-requests";

    /// <summary>Gets a value indicating whether the answer said anything about rate limits.</summary>
    public bool IsEmpty => LimitTokens is null && LimitRequests is null && RemainingTokens is null && RemainingRequests is null
        && ResetTokens is null && ResetRequests is null;

    /// <summary>Reads the headers of an answer; <see langword="null"/> when it carried none.</summary>
    public static RateLimitHeaders? From(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        string? Get(string name) => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
        var read = new RateLimitHeaders(
            Count(Get(LimitTokensName)),
            Count(Get(LimitRequestsName)),
            Count(Get(RemainingTokensName)),
            Count(Get(RemainingRequestsName)),
            Duration(Get(ResetTokensName)),
            Duration(Get(ResetRequestsName)));
        return read.IsEmpty ? null : read;
    }

    /// <summary>A non-negative count, else null (absent, -1, or not a number).</summary>
    public static long? Count(string? value) =>
        long.TryParse(value?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 0 ? count : null;

    /// <summary>
    /// Parses OpenAI's Go-style durations (<c>20ms</c>, <c>1s</c>, <c>1.5s</c>, <c>6m0s</c>, <c>1h2m3s</c>) and plain seconds
    /// (<c>7</c>, as Azure's reset headers sometimes carry); null when it is neither.
    /// </summary>
    public static TimeSpan? Duration(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
        {
            return plain >= 0 ? TimeSpan.FromSeconds(plain) : null;
        }

        double total = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            if (start == unitStart || unitStart == i
                || !double.TryParse(text.AsSpan(start, unitStart - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            double? seconds = text[unitStart..i] switch
            {
                "h" => number * 3600,
                "m" => number * 60,
                "s" => number,
                "ms" => number / 1000,
                "us" => number / 1_000_000,
                "ns" => number / 1_000_000_000,
                _ => null,
            };
            if (seconds is not { } add)
            {
                return null;
            }

            total += add;
        }

        return TimeSpan.FromSeconds(total);
    }
}

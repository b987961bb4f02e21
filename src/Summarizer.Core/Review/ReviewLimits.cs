namespace Summarizer.Core.Review;

/// <summary>Sizes the review server accepts, so a stuck key or a hostile client cannot fill the job store.</summary>
public static class ReviewLimits
{
    /// <summary>The longest English or comment, in characters.</summary>
    public const int MaxText = 10_000;

    /// <summary>The largest request body, in bytes (a text of <see cref="MaxText"/> characters escaped as JSON fits).</summary>
    public const long MaxBody = 128 * 1024;
}

namespace Summarizer.Core.Jobs;

/// <summary>Receives progress from a running job (a terminal progress bar, plain log lines, or nothing).</summary>
public interface IJobProgress
{
    /// <summary>The job starts: how many articles and estimated calls.</summary>
    void Started(int articles, int estimatedCalls);

    /// <summary>A model call of the stage finished (valid or not).</summary>
    void CallFinished(string stage);

    /// <summary>An article finished and its outputs are written.</summary>
    void ArticleFinished(string articleId, string status, string? reason);

    /// <summary>A line worth telling the user.</summary>
    void Message(string text);

    /// <summary>A call waits before trying again (throttled, failed or timed out); by default it is one more message.</summary>
    void Waiting(Resilience.RetryNotice notice) => Message(notice.ToString());
}

/// <summary>Progress that goes nowhere.</summary>
public sealed class NullJobProgress : IJobProgress
{
    /// <summary>Gets the shared instance.</summary>
    public static NullJobProgress Instance { get; } = new();

    /// <inheritdoc />
    public void Started(int articles, int estimatedCalls)
    {
    }

    /// <inheritdoc />
    public void CallFinished(string stage)
    {
    }

    /// <inheritdoc />
    public void ArticleFinished(string articleId, string status, string? reason)
    {
    }

    /// <inheritdoc />
    public void Message(string text)
    {
    }
}

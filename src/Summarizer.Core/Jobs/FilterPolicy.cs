namespace Summarizer.Core.Jobs;

/// <summary>What to do when the content filter stops a chunk.</summary>
public enum FilterPolicy
{
    /// <summary>Mark the chunk filtered and go on.</summary>
    Mark,

    /// <summary>Retry the chunk in halves, down to the sentence, so only the filtered sentence is lost.</summary>
    Split,
}

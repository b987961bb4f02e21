namespace Summarizer.Core.Planning;

/// <summary>The names of the LLM stages, in the order they run.</summary>
public static class StageNames
{
    /// <summary>Translates each chunk's sentences.</summary>
    public const string Translate = "translate";

    /// <summary>Summarises each translated chunk into cited claims.</summary>
    public const string Summarize = "summarize";

    /// <summary>Merges an article's chunk claims into its summary.</summary>
    public const string Merge = "merge";

    /// <summary>Writes the job's briefing from all articles.</summary>
    public const string Brief = "brief";

    /// <summary>Gets all stages in order.</summary>
    public static IReadOnlyList<string> All { get; } = [Translate, Summarize, Merge, Brief];
}

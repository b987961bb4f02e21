using Summarizer.Core.Outputs;

namespace Summarizer.Core.Rendering;

/// <summary>The words both briefing files use, so the page and the Markdown say the same thing.</summary>
public static class BriefingHeadings
{
    /// <summary>Heading of the conflicts list.</summary>
    public const string Conflicts = "Where the sources disagree";

    /// <summary>Heading of the content-filter list.</summary>
    public const string Filtered = "Stopped by the content filter or refused by the model";

    /// <summary>Heading of the failures list.</summary>
    public const string Failures = "Not in this briefing";

    /// <summary>Heading of the flagged claims list.</summary>
    public const string Flagged = "Claims flagged by checks";

    /// <summary>Stands in for a cited sentence without a translation.</summary>
    public const string NotTranslated = "(not translated)";

    /// <summary>Describes an item the content filter stopped or the model refused.</summary>
    public static string Describe(FilteredItem item) =>
        $"{item.Article} · {item.Stage} · {item.Item}{(item.Sentences.Count == 0 ? string.Empty : " (" + string.Join(",", item.Sentences) + ")")}: {item.Reason}";
}

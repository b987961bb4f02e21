namespace Summarizer.Core.Validation;

/// <summary>How much a flag or QA finding matters, as CAT tools grade them.</summary>
public static class Severities
{
    /// <summary>Wrong: a reviewer must fix it before the text is used (and <c>qa</c> exits non-zero).</summary>
    public const string Error = "error";

    /// <summary>Probably wrong: a reviewer should look.</summary>
    public const string Warning = "warning";

    /// <summary>Worth knowing; not a fault.</summary>
    public const string Note = "note";
}

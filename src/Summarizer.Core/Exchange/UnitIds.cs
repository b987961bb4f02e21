namespace Summarizer.Core.Exchange;

/// <summary>
/// The ids that tie an exchanged unit back to its sentence: a unit is <c>&lt;article&gt;:&lt;sentence&gt;</c> (the citation
/// form, valid as an XML NMTOKEN because article ids are slugs), and each XLIFF <c>file</c> names its job and article
/// in <c>original</c> as <c>&lt;job-id&gt;/&lt;article-id&gt;</c>, which CAT tools keep as they found it.
/// </summary>
public static class UnitIds
{
    /// <summary>Makes a unit id.</summary>
    public static string Of(string article, string sentence) => $"{article}:{sentence}";

    /// <summary>Splits a unit id into article and sentence; false when it is not one.</summary>
    public static bool TryParse(string id, out string article, out string sentence)
    {
        var colon = id.LastIndexOf(':');
        (article, sentence) = colon > 0 && colon < id.Length - 1 ? (id[..colon], id[(colon + 1)..]) : (string.Empty, string.Empty);
        return colon > 0 && colon < id.Length - 1;
    }

    /// <summary>Makes a file's <c>original</c>.</summary>
    public static string Original(string jobId, string article) => $"{jobId}/{article}";

    /// <summary>Reads the job id from a file's <c>original</c>; null when it names none.</summary>
    public static string? JobOf(string? original) =>
        original is { } text && text.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash ? text[..slash] : null;
}

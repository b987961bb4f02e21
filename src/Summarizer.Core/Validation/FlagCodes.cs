namespace Summarizer.Core.Validation;

/// <summary>The codes of QA flags written into outputs.</summary>
public static class FlagCodes
{
    /// <summary>A number in a claim does not occur in the Arabic sentences it cites.</summary>
    public const string UnsupportedNumber = "unsupported_number";

    /// <summary>A glossary term in the Arabic is not rendered with its glossary English.</summary>
    public const string GlossaryMissing = "glossary_missing";

    /// <summary>The content filter stopped a stage for this sentence.</summary>
    public const string ContentFiltered = "content_filtered";

    /// <summary>The model refused a stage for this sentence (a structured-outputs refusal).</summary>
    public const string Refused = "refused";

    /// <summary>A sentence has no translation after the repair call.</summary>
    public const string TranslationFailed = "translation_failed";
}

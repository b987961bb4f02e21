namespace Summarizer.Core.Outputs;

/// <summary>
/// Where a sentence's English came from when the model did not write it: written into <c>translation.json</c> as
/// <c>origin</c>, shown on the side-by-side page and in the diff. The model's English has no origin.
/// </summary>
public static class SentenceOrigins
{
    /// <summary>A reviewer's edit, applied with <c>summarizer apply</c>.</summary>
    public const string Human = "human";

    /// <summary>An exact match in the translation memory of approved sentences.</summary>
    public const string Tm = "tm";
}

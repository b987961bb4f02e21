using System.Globalization;

namespace Summarizer.Testing.PageAnnotations;

/// <summary>How ingest and segmentation did on one page, or summed over pages.</summary>
/// <param name="Pages">The number of pages.</param>
/// <param name="BoundaryHits">Sentence ends found where the annotation has one.</param>
/// <param name="BoundaryFalse">Sentence ends found in article lines where the annotation has none.</param>
/// <param name="BoundaryMissed">Annotated sentence ends not found.</param>
/// <param name="JunkRemoved">Junk lines kept out of the article text.</param>
/// <param name="JunkKept">Junk lines left in the article text.</param>
/// <param name="BodyLinesDropped">Article lines missing from the article text (removed as junk or taken as a title).</param>
/// <param name="TitlesRight">Pages whose headline (or its absence) was found.</param>
public sealed record PageScore(int Pages, int BoundaryHits, int BoundaryFalse, int BoundaryMissed, int JunkRemoved, int JunkKept, int BodyLinesDropped, int TitlesRight)
{
    /// <summary>Gets the empty score.</summary>
    public static PageScore Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Gets the share of found sentence ends that are annotated ones.</summary>
    public double Precision => Ratio(BoundaryHits, BoundaryHits + BoundaryFalse);

    /// <summary>Gets the share of annotated sentence ends that were found.</summary>
    public double Recall => Ratio(BoundaryHits, BoundaryHits + BoundaryMissed);

    /// <summary>Gets the harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Gets the share of junk lines removed.</summary>
    public double JunkRemovedShare => Ratio(JunkRemoved, JunkRemoved + JunkKept);

    /// <summary>Adds two scores.</summary>
    public static PageScore operator +(PageScore a, PageScore b) => new(
        a.Pages + b.Pages,
        a.BoundaryHits + b.BoundaryHits,
        a.BoundaryFalse + b.BoundaryFalse,
        a.BoundaryMissed + b.BoundaryMissed,
        a.JunkRemoved + b.JunkRemoved,
        a.JunkKept + b.JunkKept,
        a.BodyLinesDropped + b.BodyLinesDropped,
        a.TitlesRight + b.TitlesRight);

    /// <summary>Adds two scores (the named form of <c>+</c>).</summary>
    public static PageScore Add(PageScore a, PageScore b) => a + b;

    /// <summary>Formats the score as one report row.</summary>
    public string ToRow(string label) => string.Create(
        CultureInfo.InvariantCulture,
        $"{label,-16} pages {Pages,3}  boundaries P {Precision:0.000} R {Recall:0.000} F1 {F1:0.000} (hit {BoundaryHits}, false {BoundaryFalse}, missed {BoundaryMissed})  junk removed {JunkRemoved}/{JunkRemoved + JunkKept}  body lines dropped {BodyLinesDropped}  titles right {TitlesRight}/{Pages}");

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
}

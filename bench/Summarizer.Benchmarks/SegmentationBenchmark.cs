using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Ingest;
using Summarizer.Core.Segmentation;
using Summarizer.Testing;
using Summarizer.Testing.PageAnnotations;

namespace Summarizer.Benchmarks;

/// <summary>
/// Scores ingest and segmentation against the annotated seeds and the synthetic scraped pages: sentence-boundary
/// precision, recall and F1, junk lines removed and kept, article lines dropped, headlines right.
/// </summary>
internal static class SegmentationBenchmark
{
    public static int Run(bool details)
    {
        using var services = CoreServices.Create();
        var (_, text) = PageEvaluationReport.Run(
            services.GetRequiredService<ArticleIngestor>(),
            services.GetRequiredService<SentenceSegmenter>(),
            details);
        Console.Out.Write(text);
        foreach (var fingerprint in SeedSentenceFingerprint.ComputeAll(services.GetRequiredService<ArticleIngestor>(), services.GetRequiredService<SentenceSegmenter>()))
        {
            Console.Out.WriteLine(fingerprint);
        }

        return 0;
    }
}

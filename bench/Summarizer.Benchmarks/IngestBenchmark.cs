using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Ingest;
using Summarizer.Core.Segmentation;
using Summarizer.Testing;

namespace Summarizer.Benchmarks;

/// <summary>
/// Times ingest and sentence splitting alone, in one thread and in memory, over the plan benchmark's articles: the CPU
/// cost of the page and sentence rules, which a shared, busy machine hides inside the plan benchmark's wall time.
/// Prints each repetition; the last ones are past JIT warm-up.
/// </summary>
internal static class IngestBenchmark
{
    public static int Run(int articles, int repetitions)
    {
        using var services = CoreServices.Create();
        var ingestor = services.GetRequiredService<ArticleIngestor>();
        var splitter = services.GetRequiredService<SentenceSplitter>();
        var text = new SyntheticArabic(1);
        var files = Enumerable.Range(0, articles)
            .Select(i => Encoding.UTF8.GetBytes(i % 10 == 0 ? text.Article(500) + "\n\nشاركها\n{{ reviewsTotal }}\nزر الذهاب إلى الأعلى" : text.Article(500)))
            .ToList();
        for (var repetition = 1; repetition <= repetitions; repetition++)
        {
            var (ingest, ingestBytes) = Measure(() => files.Sum(f => ingestor.IngestBytes("a.txt", "a", f)[0].Article!.Text.Length));
            var (both, bothBytes) = Measure(() => files.Sum(f => splitter.Split(ingestor.IngestBytes("a.txt", "a", f)[0].Article!.Text).Count));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{repetition}: {articles} articles  ingest {ingest:0} ms CPU, {ingestBytes / 1048576.0:0.0} MiB  ingest + split {both:0} ms CPU, {bothBytes / 1048576.0:0.0} MiB"));
        }

        return 0;
    }

    private static (double Milliseconds, long Allocated) Measure(Func<int> work)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        _ = work();
        return ((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }
}

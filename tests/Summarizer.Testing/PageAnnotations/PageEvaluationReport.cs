using System.Text;
using Summarizer.Core.Ingest;
using Summarizer.Core.Segmentation;

namespace Summarizer.Testing.PageAnnotations;

/// <summary>Scores the annotated seeds and the two halves of the synthetic pages, and writes the report the issue asks for.</summary>
public static class PageEvaluationReport
{
    /// <summary>
    /// The sets reported, in order: the seeds, the dev half of the synthetic pages (rules tuned on it), the held-out half
    /// (written with dev, before any rule change), and two fresh sets written after the rules were frozen: each was run
    /// blind once and its score reported before any rule learnt from it.
    /// </summary>
    public static readonly IReadOnlyList<string> Sets = ["seeds", "dev", "heldout", "fresh", "fresh2"];

    /// <summary>Reads one set of annotated pages by name.</summary>
    public static IReadOnlyList<AnnotatedPage> Read(string set) =>
        set == "seeds" ? AnnotatedPageReader.ReadSeeds() : AnnotatedPageReader.ReadPages(set);

    /// <summary>Scores every set and returns the report text; with <paramref name="details"/> every finding is listed.</summary>
    public static (IReadOnlyDictionary<string, PageScore> Scores, string Text) Run(ArticleIngestor ingestor, SentenceSegmenter segmenter, bool details)
    {
        var evaluator = new PageEvaluator(ingestor, segmenter);
        var scores = new Dictionary<string, PageScore>();
        var text = new StringBuilder();
        var rows = new StringBuilder();
        foreach (var set in Sets)
        {
            var total = PageScore.Zero;
            foreach (var page in Read(set))
            {
                var (score, findings) = evaluator.Evaluate(page);
                total += score;
                if (details && findings.Count > 0)
                {
                    text.Append('[').Append(set).Append("] ").AppendLine(page.Name);
                    foreach (var finding in findings)
                    {
                        text.AppendLine("    " + finding);
                    }
                }
            }

            scores[set] = total;
            rows.AppendLine(total.ToRow(set));
        }

        var synthetic = scores["dev"] + scores["heldout"] + scores["fresh"] + scores["fresh2"];
        rows.AppendLine(synthetic.ToRow("all synthetic"));
        return (scores, text.Append(rows).ToString());
    }
}

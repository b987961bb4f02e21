using System.Text;
using Summarizer.Core.Ingest;
using Summarizer.Core.Segmentation;

namespace Summarizer.Testing.PageAnnotations;

/// <summary>
/// Runs ingest and segmentation on annotated pages and scores them: sentence ends are compared as offsets into the page,
/// lines of the article text are traced back to the page lines they came from.
/// </summary>
public sealed class PageEvaluator(ArticleIngestor ingestor, SentenceSegmenter segmenter)
{
    /// <summary>Scores one page and lists what went wrong, one line per finding.</summary>
    public (PageScore Score, IReadOnlyList<string> Findings) Evaluate(AnnotatedPage page)
    {
        var findings = new List<string>();
        var result = ingestor.IngestBytes(page.Name + ".txt", "page", Encoding.UTF8.GetBytes(page.Text)).Single();
        var article = result.Article;
        var pageStarts = LineStarts(page.Text);
        var keptLines = new HashSet<int>();
        var found = new HashSet<int>();
        if (article is not null)
        {
            var map = MapLines(page, article.Text, findings);
            keptLines.UnionWith(map.Values);
            var articleStarts = LineStarts(article.Text);
            foreach (var sentence in segmenter.Segment(article.Text, new Summarizer.Core.Chunking.ChunkingOptions().MaxSourceTokens))
            {
                var line = LineOf(articleStarts, sentence.End - 1);
                if (map.TryGetValue(line, out var pageLine))
                {
                    var lead = page.Lines[pageLine - 1].Length - page.Lines[pageLine - 1].TrimStart().Length;
                    found.Add(pageStarts[pageLine - 1] + lead + sentence.End - articleStarts[line]);
                }
            }
        }
        else
        {
            findings.Add($"rejected: {result.Message}");
        }

        bool IsBodyEnd(int offset) => page.IsBodyLine(LineOf(pageStarts, offset - 1) + 1);
        var predicted = found.Where(IsBodyEnd).ToHashSet();
        var hits = predicted.Count(page.SentenceEnds.Contains);
        foreach (var end in predicted.Where(e => !page.SentenceEnds.Contains(e)).Order())
        {
            findings.Add($"false end: …{Context(page.Text, end)}‖");
        }

        foreach (var end in page.SentenceEnds.Where(e => !predicted.Contains(e)).Order())
        {
            findings.Add($"missed end: …{Context(page.Text, end)}‖");
        }

        var junkKept = page.JunkLines.Where(keptLines.Contains).ToList();
        findings.AddRange(junkKept.Select(l => $"junk kept: line {l}: {page.Lines[l - 1].Trim()}"));
        var dropped = Enumerable.Range(1, page.Lines.Count).Where(l => page.IsBodyLine(l) && !keptLines.Contains(l)).ToList();
        findings.AddRange(dropped.Select(l => $"body line dropped: line {l} ({article?.RemovedLines.FirstOrDefault(r => r.LineNumber == l)?.Rule ?? "?"}): {page.Lines[l - 1].Trim()}"));
        var title = article?.Title ?? string.Empty;
        var titleRight = string.Equals(title, page.ExpectedTitle, StringComparison.Ordinal);
        if (!titleRight)
        {
            var removedTitle = article?.RemovedLines.FirstOrDefault(l => l.LineNumber == page.TitleLine);
            findings.Add($"title: got '{title}', expected '{page.ExpectedTitle}'{(removedTitle is null ? string.Empty : $" (removed by {removedTitle.Rule})")}");
        }

        var junkTotal = page.JunkLines.Count(l => page.Lines[l - 1].Trim().Length > 0);
        return (new PageScore(1, hits, predicted.Count - hits, page.SentenceEnds.Count - hits, junkTotal - junkKept.Count, junkKept.Count, dropped.Count, titleRight ? 1 : 0), findings);
    }

    /// <summary>
    /// Maps each non-blank line of the article text (0-based) to the page line (1-based) it came from. Ingest keeps
    /// lines whole and in order, so the next page line with the same trimmed text is the source.
    /// </summary>
    private static Dictionary<int, int> MapLines(AnnotatedPage page, string articleText, List<string> findings)
    {
        var map = new Dictionary<int, int>();
        var cursor = 0;
        var articleLines = articleText.Split('\n');
        for (var k = 0; k < articleLines.Length; k++)
        {
            var line = articleLines[k].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var j = cursor;
            while (j < page.Lines.Count && !string.Equals(page.Lines[j].Trim(), line, StringComparison.Ordinal))
            {
                j++;
            }

            if (j == page.Lines.Count)
            {
                findings.Add($"article line not found in the page: {line}");
                continue;
            }

            map[k] = j + 1;
            cursor = j + 1;
        }

        return map;
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    /// <summary>Returns the 0-based line holding the offset.</summary>
    private static int LineOf(List<int> starts, int offset)
    {
        var index = starts.BinarySearch(offset);
        return index >= 0 ? index : ~index - 1;
    }

    private static string Context(string text, int end) =>
        text[Math.Max(0, end - 30)..end].Replace('\n', '⏎') + "‖" + text[end..Math.Min(text.Length, end + 20)].Replace('\n', '⏎');
}

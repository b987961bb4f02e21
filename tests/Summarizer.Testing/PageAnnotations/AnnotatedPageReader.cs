using System.Text;
using System.Text.Json;
using Summarizer.Core.Ingest;

namespace Summarizer.Testing.PageAnnotations;

/// <summary>
/// Reads annotated pages: the project's own synthetic pages (marked-up text files) and the annotations of the real
/// seeds (offsets only, so the seeds' text never enters the repository).
/// </summary>
/// <remarks>
/// A page file is the scraped page with three marks added: a line starting <c>T|</c> is the headline, a line starting
/// <c>J|</c> is junk or metadata that must leave the article, and <c>¦</c> right after a character ends a sentence there.
/// The marks are removed before the page is ingested.
/// </remarks>
public static class AnnotatedPageReader
{
    /// <summary>The mark that ends a sentence in a page file.</summary>
    public const char SentenceEndMark = '¦';

    private static readonly TextNormalizer Normalizer = new();

    /// <summary>Gets the folder of synthetic pages; its <c>dev</c>, <c>heldout</c> and <c>fresh</c> folders hold the sets.</summary>
    public static string PagesFolder => Path.Combine(RepositoryPaths.Root, "tests", "Summarizer.Testing", "TestData", "ScrapedPages");

    /// <summary>Gets the file of seed annotations.</summary>
    public static string SeedAnnotationsFile => Path.Combine(RepositoryPaths.Root, "tests", "Summarizer.Testing", "TestData", "SeedAnnotations.json");

    /// <summary>Reads every page file of one set (<c>dev</c>, <c>heldout</c> or <c>fresh</c>), in name order.</summary>
    public static IReadOnlyList<AnnotatedPage> ReadPages(string half) =>
        Directory.GetFiles(Path.Combine(PagesFolder, half), "*.txt").Order(StringComparer.Ordinal)
            .Select(file => ParsePage(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file)))
            .ToList();

    /// <summary>Parses one marked-up page.</summary>
    public static AnnotatedPage ParsePage(string name, string marked)
    {
        var text = new StringBuilder(marked.Length);
        var ends = new HashSet<int>();
        var junk = new HashSet<int>();
        int? title = null;
        var lines = Normalizer.Normalize(marked).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("T|", StringComparison.Ordinal))
            {
                title = i + 1;
                line = line[2..];
            }
            else if (line.StartsWith("J|", StringComparison.Ordinal))
            {
                junk.Add(i + 1);
                line = line[2..];
            }

            foreach (var c in line)
            {
                if (c == SentenceEndMark)
                {
                    ends.Add(text.Length);
                }
                else
                {
                    text.Append(c);
                }
            }

            if (i < lines.Length - 1)
            {
                text.Append('\n');
            }
        }

        return new AnnotatedPage(name, text.ToString(), title, ends, junk);
    }

    /// <summary>Reads the seeds with their annotations; offsets point into the seed file as <see cref="TextNormalizer"/> returns it.</summary>
    public static IReadOnlyList<AnnotatedPage> ReadSeeds()
    {
        using var stream = File.OpenRead(SeedAnnotationsFile);
        using var json = JsonDocument.Parse(stream);
        var pages = new List<AnnotatedPage>();
        foreach (var seed in json.RootElement.GetProperty("seeds").EnumerateArray())
        {
            var prefix = seed.GetProperty("seed").GetString()!;
            var text = Normalizer.Normalize(File.ReadAllText(RepositoryPaths.Seed(prefix)));
            int? title = seed.TryGetProperty("titleLine", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : null;
            pages.Add(new AnnotatedPage(
                prefix,
                text,
                title,
                seed.GetProperty("sentenceEnds").EnumerateArray().Select(e => e.GetInt32()).ToHashSet(),
                seed.GetProperty("junkLines").EnumerateArray().Select(e => e.GetInt32()).ToHashSet()));
        }

        return pages;
    }
}

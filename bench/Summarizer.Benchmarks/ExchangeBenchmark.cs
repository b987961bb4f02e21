using Summarizer.Core.Files;
using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;
using Microsoft.Data.Sqlite;
using Summarizer.Core.Exchange;
using Summarizer.Core.Outputs;
using Summarizer.Core.Rendering;
using Summarizer.Core.Store;
using Summarizer.Testing;

namespace Summarizer.Benchmarks;

/// <summary>
/// Times review exchange on a synthetic finished job of N articles (default 1,000 × 30 sentences, written as the job
/// writer writes them): export as XLIFF 1.2, XLIFF 2.1 and TMX (all), import of the unchanged XLIFF 1.2 (no records),
/// and import of the same file with every unit approved (one review record per unit and a TM upsert each).
/// </summary>
internal static class ExchangeBenchmark
{
    public static int Run(int articles, int sentences)
    {
        using var output = new TempFolder();
        var jobId = "20261128T000000Z-bench0";
        var directory = Path.Combine(output.Path, jobId);
        Generate(directory, jobId, articles, sentences);
        var store = new JobStore(JobStore.PathIn(output.Path));
        store.SaveJob(new StoredJob(jobId, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "done", null, directory, "{}"));
        var exchange = new ReviewExchange(new ReviewStore(store.DatabasePath));
        Print($"exchange benchmark: {articles} articles × {sentences} sentences = {articles * sentences} units");

        var xlf = Time("export xliff12", () => exchange.Export(jobId, directory, ExchangeFormats.Xliff12, null, null, all: false));
        Time("export xliff2", () => exchange.Export(jobId, directory, ExchangeFormats.Xliff2, null, Path.Combine(output.Path, "x2.xlf"), all: false));
        Time("export tmx --all", () => exchange.Export(jobId, directory, ExchangeFormats.Tmx, null, null, all: true));
        Time("import unchanged", () => exchange.Import(jobId, directory, xlf.File, "bench", DateTimeOffset.UtcNow).Edits.Count);

        var doc = XDocument.Load(xlf.File);
        XNamespace ns = ExchangeFormats.Xliff12Namespace;
        foreach (var unit in doc.Descendants(ns + "trans-unit"))
        {
            unit.SetAttributeValue("approved", "yes");
        }

        var approved = Path.Combine(output.Path, "approved.xlf");
        doc.Save(approved);
        Time("import all approved", () => exchange.Import(jobId, directory, approved, "bench", DateTimeOffset.UtcNow).Edits.Count);
        Print($"  file sizes: xliff12 {new FileInfo(xlf.File).Length / 1024.0 / 1024:0.0} MiB");
        SqliteConnection.ClearAllPools();
        return 0;
    }

    private static T Time<T>(string name, Func<T> action)
    {
        var watch = Stopwatch.StartNew();
        var result = action();
        Print($"  {name,-22} {watch.Elapsed.TotalSeconds,6:0.00} s   ({result})");
        return result;
    }

    private static void Generate(string directory, string jobId, int articles, int sentences)
    {
        var text = new SyntheticArabic(7);
        var folder = new JobFolder(directory);
        var provenance = new Provenance(jobId, DateTimeOffset.UnixEpoch, "reference", "bench", "none", "none", "json_schema", "chat", null, string.Empty, true,
            [new PromptProvenance("translate", "v1", new string('0', 64), 0, 1000, null)], new string('0', 64), 600, 2, 4);
        for (var a = 0; a < articles; a++)
        {
            var id = $"article-{a:0000}";
            var list = Enumerable.Range(1, sentences)
                .Select(i => new TranslatedSentence($"s{i}", text.Unpunctuated(18) + ".", $"Sentence {i} of article {a}, translated with 12 words & <tags>.", 0, 0, 1, []))
                .ToList();
            AtomicFile.WriteAllText(folder.ArticleFile(id, JobFolder.Translation), OutputJson.Serialize(new TranslationFile(id, id + ".txt", "عنوان", null, null, list, provenance)));
            var claims = Enumerable.Range(1, 5).Select(k => new Summarizer.Core.Outputs.Claim($"k{k}", $"Claim {k}.", "ادعاء", [$"s{k}", $"s{k + 1}"], [])).ToList();
            AtomicFile.WriteAllText(folder.ArticleFile(id, JobFolder.Claims), OutputJson.Serialize(new ClaimsFile(id, "done", null, "H", "ع", "S", "ع", claims, [], provenance)));
        }
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}

using System.Xml.Linq;
using Summarizer.Core.Exchange;
using Summarizer.Core.Store;

namespace Summarizer.Core.Tests.Exchange;

/// <summary>Every exported format of the five seeds is valid against its official schema, and ids and text come back as they went.</summary>
public sealed class ExportSchemaTests(SeedJob seeds) : IClassFixture<SeedJob>
{
    private static readonly XNamespace X12 = ExchangeFormats.Xliff12Namespace;
    private static readonly XNamespace X2 = ExchangeFormats.Xliff2Namespace;

    [Fact]
    public void Xliff12_export_of_the_seeds_is_valid_against_the_OASIS_strict_and_transitional_schemas()
    {
        using var job = seeds.Fresh();
        Approve(job, 2);

        var (file, units) = new ReviewExchange(job.Reviews).Export(job.JobId, job.Directory, ExchangeFormats.Xliff12, null, null, all: false);

        Assert.Equal(Path.Combine(job.Directory, "review", job.JobId + ".xlf"), file);
        Assert.True(units > 50, $"{units} units");
        Assert.Empty(ExchangeSchemas.Xliff12Strict(file));
        Assert.Empty(ExchangeSchemas.Xliff12Transitional(file));
        var files = XDocument.Load(file).Root!.Elements(X12 + "file").ToList();
        Assert.Equal(5, files.Count);
        Assert.All(files, f => Assert.Equal(("ar", "en", "plaintext"), ((string)f.Attribute("source-language")!, (string)f.Attribute("target-language")!, (string)f.Attribute("datatype")!)));
        Assert.Equal(2, files.SelectMany(f => f.Descendants(X12 + "trans-unit")).Count(u => (string?)u.Attribute("approved") == "yes"));
        Assert.Equal(2, files.SelectMany(f => f.Descendants(X12 + "target")).Count(t => (string?)t.Attribute("state") == "final"));
    }

    [Fact]
    public void Xliff21_export_of_the_seeds_is_valid_against_the_OASIS_core_schema()
    {
        using var job = seeds.Fresh();
        Approve(job, 1);

        var (file, _) = new ReviewExchange(job.Reviews).Export(job.JobId, job.Directory, ExchangeFormats.Xliff2, null, job.Write("x2.xlf", string.Empty), all: false);

        Assert.Empty(ExchangeSchemas.Xliff21(file));
        var root = XDocument.Load(file).Root!;
        Assert.Equal(("2.1", "ar", "en"), ((string)root.Attribute("version")!, (string)root.Attribute("srcLang")!, (string)root.Attribute("trgLang")!));
        Assert.Equal(["final"], root.Descendants(X2 + "segment").Select(s => (string)s.Attribute("state")!).Where(s => s != "translated").ToList());
    }

    [Fact]
    public void Tmx_export_is_valid_against_the_LISA_TMX_14_DTD_and_holds_only_approved_segments_unless_all()
    {
        using var job = seeds.Fresh();
        var approved = Approve(job, 3);
        var exchange = new ReviewExchange(job.Reviews);

        var (file, count) = exchange.Export(job.JobId, job.Directory, ExchangeFormats.Tmx, null, null, all: false);
        var (allFile, allCount) = exchange.Export(job.JobId, job.Directory, ExchangeFormats.Tmx, null, job.Write("all.tmx", string.Empty), all: true);

        Assert.Equal(Path.Combine(job.Directory, "review", job.JobId + ".tmx"), file);
        Assert.Empty(ExchangeSchemas.Tmx14(file));
        Assert.Empty(ExchangeSchemas.Tmx14(allFile));
        Assert.Equal(3, count);
        Assert.Equal(ReviewJobReader.Read(job.JobId, job.Directory, job.Reviews).Segments.Count(s => s.En is not null), allCount);
        var header = XDocument.Load(file).Root!.Element("header")!;
        foreach (var (name, value) in new[] { ("segtype", "sentence"), ("srclang", "ar"), ("adminlang", "en"), ("datatype", "plaintext"), ("creationtool", "summarizer"), ("o-tmf", "summarizer") })
        {
            Assert.Equal(value, (string?)header.Attribute(name));
        }

        Assert.NotNull(header.Attribute("creationtoolversion"));
        var units = XDocument.Load(file).Root!.Element("body")!.Elements("tu").ToList();
        Assert.Equal(approved.Select(s => s.UnitId), units.Select(u => (string)u.Attribute("tuid")!));
        Assert.All(units, u => Assert.Equal(["x-job", "x-article", "x-sentence", "x-prompt-version"], u.Elements("prop").Select(p => (string)p.Attribute("type")!)));
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(job.Directory, "manifest.json")));
        var translate = manifest.RootElement.GetProperty("provenance").GetProperty("prompts").EnumerateArray().Single(p => p.GetProperty("stage").GetString() == "translate");
        Assert.All(units, u => Assert.Equal(translate.GetProperty("version").GetString(), u.Elements("prop").Last().Value));
    }

    [Fact]
    public void Ids_Arabic_and_English_of_every_seed_sentence_round_trip_through_both_XLIFF_versions_and_import_changes_nothing()
    {
        using var job = seeds.Fresh();
        var exchange = new ReviewExchange(job.Reviews);
        var segments = ReviewJobReader.Read(job.JobId, job.Directory, job.Reviews).Segments.ToList();

        foreach (var format in new[] { ExchangeFormats.Xliff12, ExchangeFormats.Xliff2 })
        {
            var (file, _) = exchange.Export(job.JobId, job.Directory, format, null, job.Write(format + ".xlf", string.Empty), all: false);
            var text = File.ReadAllText(file);
            var units = XliffReader.Read(file);
            var import = exchange.Import(job.JobId, job.Directory, file, "tester", DateTimeOffset.UnixEpoch);

            Assert.Equal(segments.Select(s => s.UnitId), units.Select(u => u.Id));
            Assert.Equal(segments.Select(s => TmKey.CollapseWhitespace(s.En!)), units.Select(u => u.Target));
            Assert.All(segments, s => Assert.Contains(s.Ar, text, StringComparison.Ordinal));
            Assert.DoesNotContain("&#x6", text, StringComparison.Ordinal);
            Assert.Empty(import.Edits);
        }

        Assert.Empty(job.Reviews.Edits(job.JobId));
    }

    [Fact]
    public void One_article_is_exported_alone_and_an_unknown_article_is_refused_by_name()
    {
        using var job = seeds.Fresh();
        var exchange = new ReviewExchange(job.Reviews);
        var article = ReviewJobReader.Read(job.JobId, job.Directory, job.Reviews).Articles[1];

        var (file, units) = exchange.Export(job.JobId, job.Directory, ExchangeFormats.Xliff12, article.Id, null, all: false);
        var refused = Assert.Throws<ExchangeException>(() => exchange.Export(job.JobId, job.Directory, ExchangeFormats.Xliff12, "nope", null, all: false));

        Assert.Equal(article.Segments.Count, units);
        Assert.Equal([UnitIds.Original(job.JobId, article.Id)], XDocument.Load(file).Root!.Elements(X12 + "file").Select(f => (string)f.Attribute("original")!));
        Assert.StartsWith($"article nope is not in job {job.JobId}", refused.Message, StringComparison.Ordinal);
    }

    private static List<ReviewSegment> Approve(SeedJob.Copy job, int count)
    {
        var segments = ReviewJobReader.Read(job.JobId, job.Directory, job.Reviews).Segments.Take(count).ToList();
        job.Reviews.Record(segments.Select(s => new ReviewEdit(job.JobId, s.Article, s.Id, ReviewFields.State, s.State, ReviewStates.Approved, ReviewStates.Approved, null, DateTimeOffset.UnixEpoch, "tester")).ToList());
        return segments;
    }
}

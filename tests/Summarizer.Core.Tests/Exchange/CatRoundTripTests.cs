using System.Xml.Linq;
using Summarizer.Core.Exchange;
using Summarizer.Core.Store;

namespace Summarizer.Core.Tests.Exchange;

/// <summary>
/// A file changed the way a CAT tool changes it (inline tags, state changes, re-flowed whitespace, its own attributes and
/// namespaces, a reviewer's note) is read back into exactly the review records it means.
/// </summary>
public sealed class CatRoundTripTests(SeedJob seeds) : IClassFixture<SeedJob>
{
    private static readonly XNamespace X12 = ExchangeFormats.Xliff12Namespace;
    private static readonly XNamespace X2 = ExchangeFormats.Xliff2Namespace;
    private static readonly XNamespace Tool = "urn:example:cat-tool";
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Xliff12_edits_with_inline_tags_approval_rejection_and_whitespace_become_exactly_these_reviews()
    {
        using var job = seeds.Fresh();
        var exchange = new ReviewExchange(job.Reviews);
        var (file, _) = exchange.Export(job.JobId, job.Directory, ExchangeFormats.Xliff12, null, null, all: false);
        var s = ReviewJobReader.Read(job.JobId, job.Directory, job.Reviews).Segments.ToList();
        var doc = XDocument.Load(file, LoadOptions.PreserveWhitespace);
        doc.Root!.Add(new XAttribute(XNamespace.Xmlns + "cat", Tool.NamespaceName));
        XElement Unit(int i) => doc.Descendants(X12 + "trans-unit").Single(u => (string)u.Attribute("id")! == s[i].UnitId);
        XElement Target(int i) => Unit(i).Element(X12 + "target")!;

        // 0: edited with inline tags, re-flowed, and the tool's own attribute.
        Target(0).ReplaceNodes("\n   The ", new XElement(X12 + "g", new XAttribute("id", "1"), "corrected"), "  text", new XElement(X12 + "x", new XAttribute("id", "2")), " here.\n");
        Target(0).SetAttributeValue(Tool + "match", "97");
        // 1: approved, text untouched.
        Unit(1).SetAttributeValue("approved", "yes");
        Target(1).SetAttributeValue("state", "final");
        // 2: whitespace only: no edit.
        Target(2).Value = "  " + s[2].En!.Replace(" ", "\n\t ", StringComparison.Ordinal) + " ";
        // 3: rejected with the reviewer's own note.
        Target(3).SetAttributeValue("state", "needs-review-translation");
        Unit(3).Add(new XElement(X12 + "note", new XAttribute("from", "Rana"), "Name is wrong: Al-Araji"));
        // 4: edited and approved, with <bx/>/<ex/> codes around a <mrk>.
        Unit(4).SetAttributeValue("approved", "yes");
        Target(4).SetAttributeValue("state", "final");
        Target(4).ReplaceNodes(new XElement(X12 + "bx", new XAttribute("id", "3")), new XElement(X12 + "mrk", new XAttribute("mtype", "term"), "Baghdad"), " said so.", new XElement(X12 + "ex", new XAttribute("id", "3")));
        doc.Save(file);

        var import = exchange.Import(job.JobId, job.Directory, file, "rana", Now);

        Assert.Equal(
            [
                new ReviewEdit(job.JobId, s[0].Article, s[0].Id, ReviewFields.English, s[0].En, "The corrected text here.", ReviewStates.Reviewed, null, Now, "rana"),
                new ReviewEdit(job.JobId, s[0].Article, s[0].Id, ReviewFields.State, ReviewStates.Translated, ReviewStates.Reviewed, ReviewStates.Reviewed, null, Now, "rana"),
                new ReviewEdit(job.JobId, s[1].Article, s[1].Id, ReviewFields.State, ReviewStates.Translated, ReviewStates.Approved, ReviewStates.Approved, null, Now, "rana"),
                new ReviewEdit(job.JobId, s[3].Article, s[3].Id, ReviewFields.State, ReviewStates.Translated, ReviewStates.Rejected, ReviewStates.Rejected, "Name is wrong: Al-Araji", Now, "rana"),
                new ReviewEdit(job.JobId, s[4].Article, s[4].Id, ReviewFields.English, s[4].En, "Baghdad said so.", ReviewStates.Approved, null, Now, "rana"),
                new ReviewEdit(job.JobId, s[4].Article, s[4].Id, ReviewFields.State, ReviewStates.Translated, ReviewStates.Approved, ReviewStates.Approved, null, Now, "rana"),
            ],
            job.Reviews.Edits(job.JobId));
        Assert.Equal("2 sentences edited, 2 approved, 1 reviewed, 1 rejected, 0 back to translated", import.Summary.Split(", ").Take(5).Aggregate((a, b) => a + ", " + b));
        Assert.Equal([$"{s[0].UnitId}: inline tags reduced to text (<g>, <x/>)", $"{s[4].UnitId}: inline tags reduced to text (<bx/>, <mrk>, <ex/>)"], import.Warnings);
        Assert.Equal([(s[1].Ar, s[1].En), (s[4].Ar, "Baghdad said so.")], job.Reviews.TmEntries().Select(e => (e.Ar, (string?)e.En)));
    }

    [Fact]
    public void Xliff2_pc_ph_sm_em_and_split_segments_are_reduced_and_states_map_to_reviews()
    {
        using var job = seeds.Fresh();
        var exchange = new ReviewExchange(job.Reviews);
        var (file, _) = exchange.Export(job.JobId, job.Directory, ExchangeFormats.Xliff2, null, job.Write("x2.xlf", string.Empty), all: false);
        var s = ReviewJobReader.Read(job.JobId, job.Directory, job.Reviews).Segments.ToList();
        var doc = XDocument.Load(file, LoadOptions.PreserveWhitespace);
        XElement Segment(int i) => doc.Descendants(X2 + "unit").Single(u => (string)u.Attribute("id")! == s[i].UnitId).Element(X2 + "segment")!;

        Segment(0).SetAttributeValue("state", "reviewed");
        Segment(0).Element(X2 + "target")!.ReplaceNodes(new XElement(X2 + "pc", new XAttribute("id", "1"), "Fixed"), " ", new XElement(X2 + "ph", new XAttribute("id", "2")), "text", new XElement(X2 + "sm", new XAttribute("id", "m")), ".", new XElement(X2 + "em", new XAttribute("startRef", "m")));
        Segment(1).SetAttributeValue("state", "final");
        // 2: the tool split the unit into two segments, both final, text unchanged.
        var words = s[2].En!.Split(' ');
        Segment(2).SetAttributeValue("state", "final");
        Segment(2).Element(X2 + "target")!.Value = string.Join(' ', words.Take(2));
        Segment(2).AddAfterSelf(new XElement(X2 + "segment", new XAttribute("state", "final"), new XElement(X2 + "source", "…"), new XElement(X2 + "target", string.Join(' ', words.Skip(2)))));
        doc.Save(file);

        var import = exchange.Import(job.JobId, job.Directory, file, "omar", Now);

        var latest = job.Reviews.Latest(job.JobId);
        Assert.Equal(("Fixed text.", ReviewStates.Reviewed), (latest[(s[0].Article, s[0].Id)].English, latest[(s[0].Article, s[0].Id)].State));
        Assert.Equal((null, ReviewStates.Approved), (latest[(s[1].Article, s[1].Id)].English, latest[(s[1].Article, s[1].Id)].State));
        Assert.Equal((null, ReviewStates.Approved), (latest[(s[2].Article, s[2].Id)].English, latest[(s[2].Article, s[2].Id)].State));
        Assert.Equal(3, latest.Count);
        Assert.Equal(1, import.Edited);
        Assert.Equal([$"{s[0].UnitId}: inline tags reduced to text (<pc>, <ph/>, <sm/>, <em/>)"], import.Warnings);
    }

    [Theory]
    [InlineData(ExchangeFormats.Xliff12)]
    [InlineData(ExchangeFormats.Xliff2)]
    public void Hostile_english_is_escaped_valid_and_round_trips_unchanged(string format)
    {
        const string hostile = "<script>alert(1)</script> ]]> & \"quoted\" \u202Eevil\u202C \u2066x\u2069 <![CDATA[y]]> &amp;";
        using var job = seeds.Fresh();
        var s = ReviewJobReader.Read(job.JobId, job.Directory, job.Reviews).Segments.First();
        job.Reviews.Record([new ReviewEdit(job.JobId, s.Article, s.Id, ReviewFields.English, s.En, hostile, ReviewStates.Reviewed, "<b>why</b> & \u202E", Now, "x")]);
        var exchange = new ReviewExchange(job.Reviews);

        var (file, _) = exchange.Export(job.JobId, job.Directory, format, null, job.Write(format + ".xlf", string.Empty), all: false);
        var text = File.ReadAllText(file);
        var import = exchange.Import(job.JobId, job.Directory, file, "x", Now);

        Assert.Empty(format == ExchangeFormats.Xliff12 ? ExchangeSchemas.Xliff12Strict(file) : ExchangeSchemas.Xliff21(file));
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("]]>", text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; \"quoted\" \u202Eevil\u202C", text, StringComparison.Ordinal);
        Assert.Equal(hostile, XliffReader.Read(file).Single(u => u.Id == s.UnitId).Target);
        Assert.Empty(import.Edits);
    }

    [Fact]
    public void Control_characters_xml_cannot_carry_are_replaced_so_the_file_stays_well_formed()
    {
        using var job = seeds.Fresh();
        var s = ReviewJobReader.Read(job.JobId, job.Directory, job.Reviews).Segments.First();
        job.Reviews.Record([new ReviewEdit(job.JobId, s.Article, s.Id, ReviewFields.English, s.En, "bell\u0007 nul\u0000 end", ReviewStates.Reviewed, null, Now, "x")]);

        var (file, _) = new ReviewExchange(job.Reviews).Export(job.JobId, job.Directory, ExchangeFormats.Xliff12, null, null, all: false);

        Assert.Empty(ExchangeSchemas.Xliff12Strict(file));
        Assert.Equal("bell\uFFFD nul\uFFFD end", XliffReader.Read(file).Single(u => u.Id == s.UnitId).Target);
    }
}

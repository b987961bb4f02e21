using System.Xml.Linq;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Exchange;
using Summarizer.Core.Jobs;
using Summarizer.Core.Outputs;
using Summarizer.Core.Store;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Exchange;

/// <summary>
/// XLIFF 2.1 through export, a CAT tool's edits (<c>&lt;pc&gt;</c>, <c>&lt;ph/&gt;</c>, <c>state="final"</c>, its own
/// attribute, re-flowed whitespace), import and apply against the loopback model: one summarize, one merge, one brief
/// paid, and the two sentences are the reviewer's in the applied job.
/// </summary>
public sealed class CatApplyTests : LoopbackServerTest, IAsyncLifetime
{
    private static readonly XNamespace X2 = ExchangeFormats.Xliff2Namespace;
    private static readonly XNamespace Tool = "urn:example:memoq-like";

    [Fact]
    public async Task Xliff21_edits_with_pc_ph_and_final_state_pay_one_summarize_one_merge_and_one_brief_on_apply()
    {
        Server.Override = ReviewScenario.QuotingEnglish;
        var runner = LoopbackJob.OpenAIServices(Server, Output.Path).GetRequiredService<JobRunner>();
        var job = await runner.RunAsync(new JobRequest([RepositoryPaths.Seeds]) { ChunkTokens = ReviewScenario.ChunkTokens });
        var (article, chunk) = ReviewScenario.ArticleWithSeveralChunks(job.JobDirectory, Server.Requests);
        var (first, second) = (chunk[0], chunk[1]);
        var reviews = new ReviewStore(JobStore.PathIn(Output.Path));
        var exchange = new ReviewExchange(reviews);
        var (file, _) = exchange.Export(job.JobId, job.JobDirectory, ExchangeFormats.Xliff2, null, null, all: false);
        var doc = XDocument.Load(file);
        XElement Segment(string sentence) =>
            doc.Descendants(X2 + "unit").Single(u => (string?)u.Attribute("id") == $"{article}:{sentence}").Element(X2 + "segment")!;

        doc.Root!.Add(new XAttribute(XNamespace.Xmlns + "mq", Tool.NamespaceName));
        Segment(first).Element(X2 + "target")!.ReplaceNodes("  The ", new XElement(X2 + "pc", new XAttribute("id", "1"), "reviewer's"), "\n first", new XElement(X2 + "ph", new XAttribute("id", "2")), " sentence. ");
        Segment(first).SetAttributeValue(Tool + "percent", "100");
        Segment(second).Element(X2 + "target")!.Value = "The reviewer's\tsecond sentence.";
        Segment(second).SetAttributeValue("state", "final");
        doc.Save(file);

        var import = exchange.Import(job.JobId, job.JobDirectory, file, "omar", DateTimeOffset.UtcNow);
        var requests = Server.Requests.Count;
        var applied = await runner.ApplyAsync(job.JobId, new JobRequest([]));

        Assert.Equal((2, 1), (import.Edited, import.States.GetValueOrDefault(ReviewStates.Approved)));
        Assert.Equal([$"{article}:{first}: inline tags reduced to text (<pc>, <ph/>)"], import.Warnings);
        Assert.Equal(new Dictionary<string, int> { ["summarize"] = 1, ["merge"] = 1, ["brief"] = 1 }, ReviewScenario.Stages(Server.Requests.Skip(requests)));
        Assert.Equal(
            [("brief", 1), ("merge", 1), ("summarize", 1)],
            new JobStore(JobStore.PathIn(Output.Path)).CallCounts(applied.JobId).Where(c => c.Key.Outcome == CallOutcomes.Paid).Select(c => (c.Key.Stage, c.Value)).Order());
        Assert.Equal(
            [(first, "The reviewer's first sentence.", "human"), (second, "The reviewer's second sentence.", "human")],
            new JobFolder(applied.JobDirectory).ReadArticle(article)!.Translation.Sentences.Where(s => s.Origin is not null).Select(s => (s.Id, s.En, s.Origin)));
    }

    protected override void Dispose(bool disposing)
    {
        SqliteConnection.ClearAllPools();
        base.Dispose(disposing);
    }
}

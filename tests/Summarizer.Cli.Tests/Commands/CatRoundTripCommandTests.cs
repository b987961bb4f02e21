using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Data.Sqlite;
using Summarizer.Core.Outputs;
using Summarizer.Core.Store;
using Summarizer.Testing;

namespace Summarizer.Cli.Tests.Commands;

/// <summary>
/// The CAT round trip through the real process: run the five seeds, export XLIFF 1.2, change the file as OmegaT or
/// memoQ would (two targets of one chunk rewritten, one wrapped in <c>&lt;g&gt;</c> with an <c>&lt;x/&gt;</c>, one
/// approved and final, the tool's own attribute, the whole file re-indented), import it, apply: exactly one summarize,
/// one merge and one brief are paid, and the new job carries the two sentences as the reviewer's.
/// </summary>
public sealed class CatRoundTripCommandTests : LoopbackServerTest, IAsyncLifetime
{
    private static readonly XNamespace X12 = "urn:oasis:names:tc:xliff:document:1.2";
    private static readonly XNamespace Tool = "urn:example:omegat-like";

    [Fact]
    public async Task Export_edit_as_a_cat_tool_import_and_apply_pays_one_summarize_one_merge_and_one_brief()
    {
        // Claims quote the English they cite, so an edited sentence changes its chunk's claims and what merge is given.
        Server.Override = ReviewScenario.QuotingEnglish;
        var run = await CliAsync("run", RepositoryPaths.Seeds, "--chunk-tokens", ReviewScenario.ChunkTokens.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        var job = JsonDocument.Parse(run.Output).RootElement.GetProperty("job_id").GetString()!;
        var directory = Store().GetJob(job)!.Directory;
        var (article, chunk) = ReviewScenario.ArticleWithSeveralChunks(directory, Server.Requests);
        var (first, second) = (chunk[^2], chunk[^1]);

        var export = await CliAsync("export", job, "--format", "xliff12");
        var file = new JobFolder(directory).ReviewFile(job, JobFolder.XliffExtension);
        Assert.True(export.ExitCode == ExitCodes.Success, export.Error);
        var doc = XDocument.Load(file);
        var units = doc.Descendants(X12 + "trans-unit").ToList();
        XElement Unit(string sentence) => units.Single(u => (string?)u.Attribute("id") == $"{article}:{sentence}");

        // As a CAT tool writes back: inline codes around the reviewer's words, a state change, its own attribute.
        doc.Root!.Add(new XAttribute(XNamespace.Xmlns + "tool", Tool.NamespaceName));
        Unit(first).Element(X12 + "target")!.ReplaceNodes("\n      The reviewer's ", new XElement(X12 + "g", new XAttribute("id", "1"), "first"), "   sentence", new XElement(X12 + "x", new XAttribute("id", "2")), ".\n    ");
        Unit(first).SetAttributeValue(Tool + "match", "97");
        Unit(second).Element(X12 + "target")!.Value = "The reviewer's second sentence.";
        Unit(second).Element(X12 + "target")!.SetAttributeValue("state", "final");
        Unit(second).SetAttributeValue("approved", "yes");
        File.WriteAllText(file, doc.ToString(SaveOptions.None).Replace("  <", "\t<", StringComparison.Ordinal));

        var import = await CliAsync("import", job, file, "--reviewer", "rana");

        Assert.True(import.ExitCode == ExitCodes.Success, import.Error);
        Assert.Equal(
            $"2 sentences edited, 1 approved, 1 reviewed, 0 rejected, 0 back to translated, {units.Count - 2} unchanged, 0 units unknown",
            import.Output.Split('\n')[0]);
        Assert.Equal([$"warning: {article}:{first}: inline tags reduced to text (<g>, <x/>)"], import.ErrorLines);
        var requests = Server.Requests.Count;

        var apply = await CliAsync("apply", job, "--json");

        Assert.True(apply.ExitCode == ExitCodes.Success, apply.Error);
        var applied = JsonDocument.Parse(apply.Output).RootElement.GetProperty("job_id").GetString()!;
        Assert.Equal(new Dictionary<string, int> { ["summarize"] = 1, ["merge"] = 1, ["brief"] = 1 }, ReviewScenario.Stages(Server.Requests.Skip(requests)));
        Assert.Equal(
            [("brief", 1), ("merge", 1), ("summarize", 1)],
            Store().CallCounts(applied).Where(c => c.Key.Outcome == CallOutcomes.Paid).Select(c => (c.Key.Stage, c.Value)).Order());
        var sentences = new JobFolder(Store().GetJob(applied)!.Directory).ReadArticle(article)!.Translation.Sentences;
        Assert.Equal(
            [(first, "The reviewer's first sentence.", "human"), (second, "The reviewer's second sentence.", "human")],
            sentences.Where(s => s.Origin is not null).Select(s => (s.Id, s.En, s.Origin)));
    }

    private JobStore Store()
    {
        SqliteConnection.ClearAllPools();
        return new JobStore(JobStore.PathIn(Output.Path));
    }

    private Task<CliResult> CliAsync(params string[] args) => CliProcess.RunAsync(Output.Path, Environment, [.. args, "--out", Output.Path]);

    private Dictionary<string, string> Environment => new()
    {
        ["OPENAI_API_KEY"] = "sk-cat-round-trip",
        ["Summarizer__Prompts__Root"] = Path.Combine(RepositoryPaths.Root, "prompts"),
        ["Summarizer__Engine__Kind"] = "openai",
        ["Summarizer__Engine__Endpoint"] = new Uri(Server.BaseAddress, "v1").ToString(),
        ["Summarizer__Engine__Model"] = "gpt-4o-mini",
    };

    protected override void Dispose(bool disposing)
    {
        SqliteConnection.ClearAllPools();
        base.Dispose(disposing);
    }
}

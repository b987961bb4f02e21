using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Data.Sqlite;
using Summarizer.Core.Store;
using Summarizer.Testing;

namespace Summarizer.Cli.Tests.Commands;

/// <summary>export, import and tm through the real command line: files where they belong, and every refusal one line, exit 1, nothing recorded.</summary>
public sealed class ExchangeCommandsTests : LoopbackServerTest, IAsyncLifetime
{
    private static readonly XNamespace X12 = "urn:oasis:names:tc:xliff:document:1.2";

    [Fact]
    public async Task Export_then_import_of_an_approved_file_records_reviews_fills_the_tm_and_tm_export_and_stats_show_it()
    {
        var job = await RunJobAsync();
        var export = await RunAsync("export", job);
        var file = Path.Combine(Output.Path, job, "review", job + ".xlf");
        var doc = XDocument.Load(file);
        var units = doc.Descendants(X12 + "trans-unit").ToList();
        foreach (var unit in units.Take(3))
        {
            unit.SetAttributeValue("approved", "yes");
        }

        units[0].Element(X12 + "target")!.Value = "A reviewer's sentence.";
        doc.Save(file);

        var import = await RunAsync("import", job, file, "--reviewer", "rana");
        var tmFile = Path.Combine(Output.Path, "tm.tmx");
        var tmExport = await RunAsync("tm", "export", tmFile);
        var stats = await RunAsync("tm", "stats");

        Assert.Equal((ExitCodes.Success, $"{units.Count} units written: {file}\n"), (export.ExitCode, export.Output));
        Assert.Equal(ExitCodes.Success, import.ExitCode);
        Assert.StartsWith("1 sentences edited, 3 approved, 0 reviewed, 0 rejected", import.Output, StringComparison.Ordinal);
        Assert.Equal(4, Reviews().Edits(job).Count);
        Assert.Contains("3 segments written", tmExport.Output, StringComparison.Ordinal);
        Assert.Contains("<seg>A reviewer's sentence.</seg>", File.ReadAllText(tmFile), StringComparison.Ordinal);
        Assert.StartsWith("3 segments from 1 jobs by 1 reviewers", stats.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tm_import_of_a_tmx_file_adds_its_pairs_and_skips_units_missing_a_language()
    {
        using var folder = new TempFolder();
        var tmx = folder.Write("in.tmx", """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tmx SYSTEM "tmx14.dtd">
            <tmx version="1.4"><header creationtool="OmegaT" creationtoolversion="6" segtype="sentence" o-tmf="OmegaT" adminlang="EN-US" srclang="AR" datatype="plaintext"/>
            <body>
              <tu><tuv xml:lang="AR-IQ"><seg>قال الوزير</seg></tuv><tuv xml:lang="EN-GB"><seg>The <hi>minister</hi> said<ph x="1">&lt;br/&gt;</ph></seg></tuv></tu>
              <tu><tuv xml:lang="ar"><seg>جملة بلا ترجمة</seg></tuv></tu>
            </body></tmx>
            """);

        var result = await RunAsync("tm", "import", tmx);

        Assert.Equal((ExitCodes.Success, "1 segments added or updated, 1 skipped (no Arabic or no English)\n"), (result.ExitCode, result.Output));
        Assert.Equal("The minister said", Reviews().Lookup("قال الوزير")?.En);
    }

    [Fact]
    public async Task A_file_for_another_job_is_refused_in_one_line_naming_both_jobs_and_nothing_is_recorded()
    {
        var first = await RunJobAsync();
        var second = await RunJobAsync();
        await RunAsync("export", first);
        var file = Path.Combine(Output.Path, first, "review", first + ".xlf");

        var result = await CliProcess.RunAsync(Output.Path, Environment(), "import", second, file, "--out", Output.Path);

        AssertRefused(result, $"error: {file} is for job {first}, not {second}: nothing imported");
        Assert.Empty(Reviews().Edits(second));
    }

    [Fact]
    public async Task Units_that_match_no_sentence_are_refused_naming_the_first_few_and_the_count_and_nothing_is_recorded()
    {
        var job = await RunJobAsync();
        await RunAsync("export", job);
        var file = Path.Combine(Output.Path, job, "review", job + ".xlf");
        var doc = XDocument.Load(file);
        var units = doc.Descendants(X12 + "trans-unit").ToList();
        units[0].Parent!.Add(Enumerable.Range(90, 7).Select(i => new XElement(units[0]).WithId($"gone:s{i}")));
        units[1].SetAttributeValue("approved", "yes");
        doc.Save(file);

        var result = await RunAsync("import", job, file);

        AssertRefused(result, $"error: {file}: 7 units unknown to job {job} (gone:s90, gone:s91, gone:s92, gone:s93, gone:s94 and 2 more): nothing imported");
        Assert.Empty(Reviews().Edits(job));
        Assert.Equal(0, Reviews().TmStats().Entries);
    }

    [Fact]
    public async Task Missing_file_not_xml_unknown_format_and_a_tmx_given_to_import_are_one_line_usage_errors()
    {
        var job = await RunJobAsync();
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "missing.xlf");
        var notXml = folder.Write("broken.xlf", "<xliff version=\"1.2\"><file>");
        var tmx = folder.Write("memory.tmx", "<tmx version=\"1.4\"><header/><body/></tmx>");

        AssertRefused(await RunAsync("import", job, missing), $"error: file not found: {missing}");
        var broken = await RunAsync("import", job, notXml);
        AssertRefused(broken, $"error: {notXml} is not well-formed XML (line 1, position ");
        Assert.Contains("not closed: file, xliff)", broken.Error, StringComparison.Ordinal);
        AssertRefused(await RunAsync("export", job, "--format", "docx"), "error: unknown format 'docx': use one of xliff12, xliff2, tmx");
        AssertRefused(await RunAsync("import", job, tmx), $"error: {tmx} is not XLIFF 1.2 or 2.x (root <tmx> version 1.4)");
        AssertRefused(await RunAsync("export", "no-such-job"), "error: no job no-such-job in");
        Assert.Empty(Reviews().Edits(job));
    }

    [Fact]
    public async Task An_xliff_with_a_dtd_and_an_external_entity_is_refused_without_reading_the_entity()
    {
        var job = await RunJobAsync();
        using var folder = new TempFolder();
        var secret = folder.Write("secret.txt", "TOP-SECRET-CONTENT");
        var xxe = folder.Write("xxe.xlf", $"""
            <?xml version="1.0"?>
            <!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file://{secret}">]>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="{job}/a" source-language="ar" target-language="en" datatype="plaintext"><body>
            <trans-unit id="a:s1"><source>x</source><target>&xxe;</target></trans-unit></body></file></xliff>
            """);

        var result = await CliProcess.RunAsync(Output.Path, Environment(), "import", job, xxe, "--out", Output.Path);

        AssertRefused(result, $"error: {xxe} declares a DTD (<!DOCTYPE …>); import reads no DTD or external entity");
        Assert.DoesNotContain("TOP-SECRET", result.Output + result.Error, StringComparison.Ordinal);
        Assert.Empty(Reviews().Edits(job));
    }

    private static void AssertRefused(CliResult result, string start)
    {
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.StartsWith(start, result.ErrorLines[0], StringComparison.Ordinal);
    }

    private ReviewStore Reviews()
    {
        SqliteConnection.ClearAllPools();
        return new ReviewStore(JobStore.PathIn(Output.Path));
    }

    private KeyValuePair<string, string?>[] Settings =>
    [
        new("OPENAI_API_KEY", "sk-exchange-tests"),
        new("Summarizer:Prompts:Root", Path.Combine(RepositoryPaths.Root, "prompts")),
        new("Summarizer:Engine:Kind", "openai"),
        new("Summarizer:Engine:Endpoint", new Uri(Server.BaseAddress, "v1").ToString()),
        new("Summarizer:Engine:Model", "gpt-4o-mini"),
    ];

    private Dictionary<string, string> Environment() => Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunWithSettingsAsync(Settings, [.. args, "--out", Output.Path]);

    private async Task<string> RunJobAsync()
    {
        var result = await CliRunner.RunWithSettingsAsync(Settings, "run", RepositoryPaths.Seed("002"), "--out", Output.Path, "--json");
        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("job_id").GetString()!;
    }
}

internal static class XElementIds
{
    public static XElement WithId(this XElement element, string id)
    {
        element.SetAttributeValue("id", id);
        return element;
    }
}

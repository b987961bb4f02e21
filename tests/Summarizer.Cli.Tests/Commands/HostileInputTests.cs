using System.Globalization;
using System.Text.Json;
using Summarizer.Core.Ingest;
using Summarizer.Testing;

namespace Summarizer.Cli.Tests.Commands;

/// <summary>
/// Bad input through the real CLI process: every bad file is one escaped line on stderr naming it and the reason, the
/// good files of the same run are still planned and run, and nothing hangs (each process is killed at a time limit).
/// </summary>
public sealed class HostileInputTests : LoopbackServerTest, IAsyncLifetime
{
    private const string Key = "sk-hostile-input-7d2e91c4";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private readonly TempFolder _input = new();

    [Fact]
    public async Task Json_lone_surrogates_reject_their_article_and_control_escapes_are_dropped_in_plan_and_run()
    {
        CopySamples();
        var lone = _input.Write("lone.json", """{"title":"عنوان","body":"نص عربي \ud800 عن المدينة والسوق."}""");
        var array = _input.Write("array.json", """[{"body":"النص الأول للمقال عن المدينة والسوق."},{"body":"نص \udc00 مكسور."}]""");
        _input.Write("controls.json", """{"title":"عنوان\u0007 الخبر","body":"نص\u0000 عربي\u001b]0;x\u0007 عن المدينة والسوق القديم."}""");

        var plan = await CliAsync("plan", _input.Path, "--json");
        var run = await CliAsync(RunArgs(_input.Path));

        string[] expected =
        [
            $"{array}: rejected: JSON \"body\" holds a lone surrogate escape \\udc00 (half of a character)",
            $"{lone}: rejected: JSON \"body\" holds a lone surrogate escape \\ud800 (half of a character)",
        ];
        Assert.Equal(ExitCodes.PartialFailure, plan.ExitCode);
        Assert.Equal(expected, plan.ErrorLines.Order(StringComparer.Ordinal));
        Assert.Equal(["array-1", "controls", "date-harvest-festival", "regional-rail-agreement", "water-desalination-plant"], Accepted(plan.Output));
        Assert.Equal(ExitCodes.PartialFailure, run.ExitCode);
        Assert.Equal(expected, run.ErrorLines.Where(l => l.Contains(": rejected: ", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(["array-1", "controls", "date-harvest-festival", "regional-rail-agreement", "water-desalination-plant"], Done(run.Output));
    }

    [Fact]
    public async Task Fifos_sockets_devices_and_link_loops_never_hang_plan_or_run_and_a_linked_file_is_read_once()
    {
        var good = _input.Write("water.txt", File.ReadAllText(Sample("water-desalination-plant.txt")));
        var fifo = SpecialFiles.Fifo(Path.Combine(_input.Path, "pipe.txt"));
        using var socket = SpecialFiles.BoundSocket(Path.Combine(_input.Path, "sock.md"));
        var device = Path.Combine(_input.Path, "zero.txt");
        File.CreateSymbolicLink(device, "/dev/zero");
        Directory.CreateDirectory(Path.Combine(_input.Path, "sub"));
        Directory.CreateSymbolicLink(Path.Combine(_input.Path, "sub", "loop"), "..");
        File.CreateSymbolicLink(Path.Combine(_input.Path, "sub", "same.txt"), good);

        var plan = await CliAsync("plan", _input.Path, "--json");
        var named = await CliAsync("plan", fifo, "/dev/zero");
        var run = await CliAsync(RunArgs(_input.Path));

        string[] expected =
        [
            $"{fifo}: rejected: not a regular file: a named pipe (FIFO)",
            $"{Path.Combine(_input.Path, "sock.md")}: rejected: not a regular file: a socket",
            $"{device}: rejected: not a regular file: a character device",
        ];
        Assert.Equal(ExitCodes.PartialFailure, plan.ExitCode);
        Assert.Equal(expected, plan.ErrorLines);
        Assert.Equal(["same"], Accepted(plan.Output)); // the first name in order wins; sub/loop/… is never entered
        Assert.Equal(ExitCodes.PartialFailure, named.ExitCode);
        Assert.Equal([expected[0], "/dev/zero: rejected: not a regular file: a character device"], named.ErrorLines);
        Assert.Equal(ExitCodes.PartialFailure, run.ExitCode);
        Assert.Equal(expected, run.ErrorLines.Where(l => l.Contains(": rejected: ", StringComparison.Ordinal)));
        Assert.Equal(["same"], Done(run.Output));
    }

    [Fact]
    public async Task Names_with_newlines_escapes_and_bidi_overrides_are_one_escaped_line_each_and_cannot_reorder_pages()
    {
        _input.Write("water\nplant.txt", File.ReadAllText(Sample("water-desalination-plant.txt")));
        _input.Write("\u001b]0;pwned\u0007dates.md", File.ReadAllText(Sample("date-harvest-festival.md")));
        _input.Write("rail\u202Elmth.html", File.ReadAllText(Sample("regional-rail-agreement.html")));
        var empty = _input.WriteBytes("empty\n\u001b[2J\u2066\u202D.txt", []);
        var missing = Path.Combine(_input.Path, "gone\n\u001b[31m.txt");

        var plan = await CliAsync("plan", _input.Path);
        var planJson = await CliAsync("plan", _input.Path, "--json");
        var notFound = await CliAsync("plan", missing);
        var run = await CliAsync(RunArgs(_input.Path));

        var emptyLine = $"{PrintableText.Escape(empty)}: rejected: empty file (0 bytes)";
        Assert.Equal(_input.Path + "/empty\\u000A\\u001B[2J\\u2066\\u202D.txt: rejected: empty file (0 bytes)", emptyLine);
        Assert.Equal(ExitCodes.PartialFailure, plan.ExitCode);
        Assert.Equal([emptyLine], plan.ErrorLines);
        Assert.Contains("4 articles (1 rejected)", plan.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, notFound.ExitCode);
        Assert.Equal([$"error: not found: {_input.Path}/gone\\u000A\\u001B[31m.txt"], notFound.ErrorLines);
        Assert.Equal(ExitCodes.PartialFailure, run.ExitCode);
        Assert.Equal([emptyLine], run.ErrorLines.Where(l => l.Contains(": rejected: ", StringComparison.Ordinal)));
        using (var json = JsonDocument.Parse(planJson.Output))
        {
            // The JSON keeps every name exactly, as escapes a terminal shows as text.
            Assert.Equal(Directory.GetFiles(_input.Path).Order(StringComparer.Ordinal), json.RootElement.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("path").GetString()));
        }

        foreach (var text in new[] { plan.Output, plan.Error, planJson.Output, planJson.Error, notFound.Error, run.Output, run.Error })
        {
            AssertNothingActs(text);
        }

        var job = Directory.GetDirectories(Output.Path).Single();
        var index = File.ReadAllText(Path.Combine(job, "index.html"));
        AssertNothingActs(index);
        Assert.Contains($"<td>rail-lmth<div class=\"meta\"><bdi>{_input.Path}/rail\\u202Elmth.html</bdi></div></td>", index, StringComparison.Ordinal);
        Assert.Contains($"<td>water-plant<div class=\"meta\"><bdi>{_input.Path}/water\\u000Aplant.txt</bdi></div></td>", index, StringComparison.Ordinal);
        foreach (var page in Directory.GetFiles(Path.Combine(job, "articles"), "side-by-side.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(page);
            AssertNothingActs(html);
            Assert.Contains("<div class=\"meta\">", html, StringComparison.Ordinal);
        }

        var dates = File.ReadAllText(Path.Combine(job, "articles", "0-pwned-dates", "side-by-side.html"));
        Assert.Contains($"0-pwned-dates · <bdi>{_input.Path}/\\u001B]0;pwned\\u0007dates.md</bdi>", dates, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_hundred_generated_hostile_files_plan_in_the_real_cli_with_one_escaped_line_per_rejection()
    {
        var files = new HostileFiles(seed: 1128, hugeChars: 20_000).WriteTo(_input.Path, 300);

        var plan = await CliProcess.RunWithinAsync(TimeSpan.FromMinutes(3), RepositoryPaths.Root, null, "plan", _input.Path, "--json");

        Assert.Equal(ExitCodes.PartialFailure, plan.ExitCode);
        using var json = JsonDocument.Parse(plan.Output);
        var articles = json.RootElement.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(files.Order(StringComparer.Ordinal), articles.Select(a => a.GetProperty("path").GetString()!).Distinct().Order(StringComparer.Ordinal));
        var rejected = articles.Where(a => a.GetProperty("status").GetString() == "rejected").ToList();
        Assert.Equal(rejected.Count, json.RootElement.GetProperty("totals").GetProperty("rejected").GetInt32());
        Assert.Equal(
            rejected.Select(a => $"{PrintableText.Escape(a.GetProperty("path").GetString())}: rejected: {PrintableText.Escape(a.GetProperty("reason").GetString())}"),
            plan.ErrorLines);
        Assert.All(rejected, a => Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("reason").GetString())));
        AssertNothingActs(plan.Error);
        AssertNothingActs(plan.Output);
    }

    protected override void Dispose(bool disposing)
    {
        _input.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Nothing that could act on a terminal or reorder a line: no control character but line ends, no format character.</summary>
    private static void AssertNothingActs(string text) => Assert.DoesNotContain(text, c =>
        c is not '\n' and not '\r' && (char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format));

    private static string Sample(string name) => Path.Combine(RepositoryPaths.Root, "samples", "articles", name);

    private static List<string> Accepted(string planJson)
    {
        using var json = JsonDocument.Parse(planJson);
        return json.RootElement.GetProperty("articles").EnumerateArray()
            .Where(a => a.GetProperty("status").GetString() == "ok").Select(a => a.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> Done(string runJson)
    {
        using var json = JsonDocument.Parse(runJson);
        return json.RootElement.GetProperty("articles").EnumerateArray()
            .Where(a => a.GetProperty("status").GetString() == "done").Select(a => a.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();
    }

    private void CopySamples() => _input.CopyFrom(Path.Combine(RepositoryPaths.Root, "samples", "articles"));

    private string[] RunArgs(string input) =>
        ["run", input, "--engine", "openai", "--endpoint", new Uri(Server.BaseAddress, "v1").ToString(), "--model", "gpt-4o-mini", "--out", Output.Path, "--json"];

    private Task<CliResult> CliAsync(params string[] args) =>
        CliProcess.RunWithinAsync(Limit, RepositoryPaths.Root, new Dictionary<string, string> { ["OPENAI_API_KEY"] = Key }, args);
}

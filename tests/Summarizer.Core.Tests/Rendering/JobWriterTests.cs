using Summarizer.Core.Outputs;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Engines;
using Summarizer.Core.Ingest;
using Summarizer.Core.Jobs;
using Summarizer.Core.Prompts;
using Summarizer.Core.Rendering;
using Summarizer.Core.Segmentation;
using Summarizer.Core.Stages;
using Summarizer.Core.Validation;
using Summarizer.Testing;
using Summarizer.Core.EngineSetup;

namespace Summarizer.Core.Tests.Rendering;

public sealed class JobWriterTests : IDisposable
{
    private const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    private readonly TempFolder _folder = new();
    private readonly JobWriter _writer = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Article_and_model_text_is_escaped_in_the_side_by_side_page()
    {
        var work = Work();

        _writer.WriteArticle(_folder.Path, Context(), work);
        _writer.WriteSideBySide(_folder.Path, Context(), work, []);

        var html = File.ReadAllText(Path.Combine(_folder.Path, "articles", "a1", "side-by-side.html"));
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)", html, StringComparison.Ordinal);

        // The page's own script is the only one, and the CSP admits exactly it, by hash.
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script>(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline);
        var script = Assert.Single(scripts).Groups[1].Value;
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script)));
        Assert.Contains($"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{hash}'", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"ar\" lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"s1\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#s1\">[s1]</a>", html, StringComparison.Ordinal);
        Assert.Contains("error: unsupported_number", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Claims_carry_their_sources_for_the_page_script_and_qa_findings_mark_rows_flagged()
    {
        var work = Work();
        var finding = new QaFinding("a1", "s1", "number_mismatch", "error", "missing in English: 850");

        var html = SideBySidePage.Render(work, Provenance.From(Context()), [finding], linkBriefing: true);

        Assert.Contains("<li id=\"k1\" tabindex=\"0\" data-sources=\"s1\">", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"row flagged\" id=\"s1\">", html, StringComparison.Ordinal);
        Assert.Contains("error: number_mismatch", html, StringComparison.Ordinal);
        Assert.Contains("id=\"only-flagged\"", html, StringComparison.Ordinal);
        Assert.Contains("tabindex=\"0\" title=\"Show the claims that cite this sentence\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"../../briefing.html\">briefing</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("briefing.html", SideBySidePage.Render(work, Provenance.From(Context())), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_outputs_escape_markup_but_keep_citations()
    {
        var work = Work();

        _writer.WriteArticle(_folder.Path, Context(), work);

        var summary = File.ReadAllText(Path.Combine(_folder.Path, "articles", "a1", "summary.md"));
        Assert.DoesNotContain("<script>", summary, StringComparison.Ordinal);
        Assert.Contains("[s1]", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Briefing_citations_become_footnotes_quoting_arabic_and_english_with_a_link_to_the_sentence()
    {
        var (md, _) = Briefing(new BriefOutput("Title", [new BriefSection("Section", ["A finding [a1:s1,a1:s2]. Again [a1:s1]."])], []), Work());

        Assert.Contains("A finding [^1][^2]. Again [^1].", md, StringComparison.Ordinal);
        Assert.Contains("[^1]: **a1 s1** — <span dir=\"rtl\" lang=\"ar\">«جملة أولى 850.»</span> — “First sentence 850.” ([side by side](articles/a1/side-by-side.html#s1))", md, StringComparison.Ordinal);
        Assert.Contains("[^2]: **a1 s2**", md, StringComparison.Ordinal);
        Assert.Contains("## Claims flagged by checks", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
    }

    [Fact]
    public void The_briefing_page_links_each_citation_to_its_sentence_in_the_article_page_and_quotes_it()
    {
        var (_, html) = Briefing(
            new BriefOutput("Title " + Hostile, [new BriefSection("Section", ["A finding [a1:s1,a1:s2]. Unknown [a1:s9]."])], [new BriefConflict("They disagree", ["a1:s2"])]),
            Work());

        Assert.Contains("A finding <sup class=\"cite\"><a href=\"articles/a1/side-by-side.html#s1\" title=\"a1 s1: First sentence 850.\">[1]</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"articles/a1/side-by-side.html#s2\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#source-3\" title=\"a1:s9 (not found)\">[3]</a>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"ar\" lang=\"ar\" dir=\"rtl\">«جملة أولى 850.»</span>", html, StringComparison.Ordinal);
        Assert.Contains("They disagree<sup class=\"cite\"><a href=\"articles/a1/side-by-side.html#s2\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"articles/a1/side-by-side.html#k1\">a1 k1</a>", html, StringComparison.Ordinal);
        Assert.Contains($"content=\"{HtmlPage.NoScriptPolicy}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_failed_article_is_named_in_both_briefing_files_even_without_item_failures()
    {
        var failed = Result(new Article("a2", "a2.txt", "عنوان", "نص."), [], new Dictionary<string, string>(), null, [], JobStatuses.Failed, "engine unreachable");

        var (md, html) = Briefing(new BriefOutput("T", [new BriefSection("S", ["One [a1:s1]."])], []), Work(), failed);

        Assert.Contains("- a2 · article · whole article: engine unreachable", md, StringComparison.Ordinal);
        Assert.Contains("<li>a2 · article · whole article: engine unreachable</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_briefing_files_number_the_same_sources_in_the_same_order()
    {
        var (md, html) = Briefing(new BriefOutput("T", [new BriefSection("S", ["One [a1:s2]. Two [a1:s1,a1:s2]."])], []), Work());

        Assert.Contains("One [^1]. Two [^2][^1].", md, StringComparison.Ordinal);
        Assert.Contains("[^1]: **a1 s2**", md, StringComparison.Ordinal);
        Assert.Contains("<li id=\"source-1\"><a href=\"articles/a1/side-by-side.html#s2\"", html, StringComparison.Ordinal);
        Assert.Contains("<li id=\"source-2\"><a href=\"articles/a1/side-by-side.html#s1\"", html, StringComparison.Ordinal);
    }

    /// <summary>Writes both briefing files for a brief and returns them.</summary>
    private (string Markdown, string Html) Briefing(BriefOutput output, params ArticleResult[] works)
    {
        _writer.WriteBriefing(_folder.Path, Context(), works, new BriefResult(output, []));
        return (File.ReadAllText(Path.Combine(_folder.Path, "briefing.md")), File.ReadAllText(Path.Combine(_folder.Path, "briefing.html")));
    }

    private static ArticleResult Work()
    {
        const string text = "جملة أولى 850.\n" + Hostile;
        var article = new Article("a1", "a1.txt", "عنوان " + Hostile, text);
        var sentences = new List<Sentence> { new("s1", 0, 14, "جملة أولى 850.", 1, 5), new("s2", 15, Hostile.Length, Hostile, 1, 20) };
        return Result(
            article,
            sentences,
            new Dictionary<string, string> { ["s1"] = "First sentence 850.", ["s2"] = Hostile },
            new MergeOutput("Head " + Hostile, "رأس", "Summary " + Hostile + " [s1].", "ملخص [s1]", []),
            [new Claim("k1", "Claim " + Hostile + " 999", "ادعاء", ["s1"], [new Flag(FlagCodes.UnsupportedNumber, "error", "999 does not occur")])],
            JobStatuses.Done,
            null);
    }

    private static ArticleResult Result(Article article, List<Sentence> sentences, Dictionary<string, string> english, MergeOutput? summary, List<Claim> claims, string status, string? reason) =>
        new(article, sentences, 0, english, new Dictionary<string, IReadOnlyList<Flag>>(), summary, claims, [], [], status, reason);

    private static JobContext Context()
    {
        var engine = CoreServices.Create(("Summarizer:Engine:Kind", "reference")).GetRequiredService<EngineFactory>().Create(new EngineOverrides());
        var prompts = CoreServices.Create(("Summarizer:Prompts:Root", Path.Combine(RepositoryPaths.Root, "prompts"))).GetRequiredService<PromptLibrary>();
        return new JobContext("job-1", DateTimeOffset.UnixEpoch, engine, [prompts.Load("translate", 1)], Glossary.Empty, 600, 2, 4);
    }
}

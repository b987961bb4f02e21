using Summarizer.Core.Outputs;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Engines;
using Summarizer.Core.Ingest;
using Summarizer.Core.Jobs;
using Summarizer.Core.Prompts;
using Summarizer.Core.Quality;
using Summarizer.Core.Rendering;
using Summarizer.Core.Segmentation;
using Summarizer.Testing;
using Summarizer.Core.EngineSetup;

namespace Summarizer.Core.Tests.Rendering;

/// <summary>File names are data: in a page they are isolated and shown, never able to reorder the header or rows.</summary>
public sealed class FileNamesInPagesTests
{
    private const string HostilePath = "news/\u202Egnp.txt\n\u001b]0;pwned\u0007\u2066x\u2069.txt";
    private const string ShownPath = "news/\\u202Egnp.txt\\u000A\\u001B]0;pwned\\u0007\\u2066x\\u2069.txt";

    [Fact]
    public void The_side_by_side_header_shows_a_hostile_path_and_source_escaped_inside_bdi()
    {
        var work = Work(HostilePath, source: "\u202Dوكالة");

        var html = SideBySidePage.Render(work, Provenance.From(Context()));

        Assert.Contains($"a1 · <bdi>{Html.Encode(ShownPath)}</bdi> · source: <bdi>\\u202Dوكالة</bdi>", html, StringComparison.Ordinal);
        AssertNothingActs(html);
    }

    [Fact]
    public void Index_rows_show_each_path_and_a_reason_quoting_the_input_escaped_inside_bdi()
    {
        var work = Work(HostilePath, source: null);
        var articles = new List<JobArticleStatus>
        {
            new("a1", HostilePath, JobStatuses.Done, null),
            new("b", "b.\u202Etxt", JobStatuses.Rejected, "unsupported file type ('.\u202Etxt')"),
        };

        var html = JobIndexPage.Render(Provenance.From(Context()), [work], articles, new QaReport("job-1", 0, 0, 0, new Dictionary<string, int>(), []), hasBriefing: false);

        Assert.Contains($"<td>a1<div class=\"meta\"><bdi>{Html.Encode(ShownPath)}</bdi></div></td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>b<div class=\"meta\"><bdi>b.\\u202Etxt</bdi></div></td>", html, StringComparison.Ordinal);
        Assert.Contains($"<td>rejected: <bdi>{Html.Encode("unsupported file type ('.\\u202Etxt')")}</bdi></td>", html, StringComparison.Ordinal);
        AssertNothingActs(html);
    }

    /// <summary>No bidi control and no control character but the page's own line ends is left in the page.</summary>
    private static void AssertNothingActs(string html) => Assert.DoesNotContain(html, c =>
        c != '\n' && (char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format));

    private static ArticleResult Work(string path, string? source)
    {
        var article = new Article("a1", path, "عنوان", "جملة أولى.") { Source = source };
        return new ArticleResult(
            article, [new Sentence("s1", 0, 10, "جملة أولى.", 1, 4)], 0, new Dictionary<string, string> { ["s1"] = "First sentence." },
            new Dictionary<string, IReadOnlyList<Summarizer.Core.Validation.Flag>>(), null, [], [], [], JobStatuses.Done, null);
    }

    private static JobContext Context()
    {
        var engine = CoreServices.Create(("Summarizer:Engine:Kind", "reference")).GetRequiredService<EngineFactory>().Create(new EngineOverrides());
        var prompts = CoreServices.Create(("Summarizer:Prompts:Root", Path.Combine(RepositoryPaths.Root, "prompts"))).GetRequiredService<PromptLibrary>();
        return new JobContext("job-1", DateTimeOffset.UnixEpoch, engine, [prompts.Load("translate", 1)], Glossary.Empty, 600, 2, 4);
    }
}

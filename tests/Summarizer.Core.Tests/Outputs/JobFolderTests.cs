using System.Text.RegularExpressions;
using Summarizer.Core.Outputs;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Outputs;

public sealed partial class JobFolderTests
{
    [Fact]
    public void Article_files_sit_in_the_article_folder_under_articles()
    {
        var folder = new JobFolder(Path.Combine("out", "job-1"));

        Assert.Equal(Path.Combine("out", "job-1", "articles", "a-1", "translation.json"), folder.ArticleFile("a-1", JobFolder.Translation));
        Assert.Equal(Path.Combine("out", "job-1", "manifest.json"), folder.File(JobFolder.Manifest));
    }

    [Fact]
    public void Strict_readers_give_null_for_a_missing_file_and_one_line_naming_a_damaged_or_null_one()
    {
        using var output = new TempFolder();
        var folder = new JobFolder(output.Path);
        Directory.CreateDirectory(folder.Article("a-1"));
        File.WriteAllText(folder.ArticleFile("a-1", JobFolder.Translation), "{\"article\": \"a-1\", \"sentences\": [");
        File.WriteAllText(folder.ArticleFile("a-1", JobFolder.Claims), "null");

        var damaged = Assert.Throws<JobFileException>(() => folder.ReadTranslationOrThrow("a-1"));
        var empty = Assert.Throws<JobFileException>(() => folder.ReadClaimsOrThrow("a-1"));

        Assert.StartsWith($"{folder.ArticleFile("a-1", JobFolder.Translation)} cannot be read (", damaged.Message, StringComparison.Ordinal);
        Assert.EndsWith("): run the job again with 'summarizer rerun'", damaged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', damaged.Message);
        Assert.Equal($"{folder.ArticleFile("a-1", JobFolder.Claims)} is empty (null): run the job again with 'summarizer rerun'", empty.Message);
        Assert.Null(folder.ReadQaOrThrow());
        Assert.Null(folder.ReadTranslationOrThrow("a-2"));

        // The lenient readers (pages, apply, diff) pass over what the strict ones report.
        Assert.Null(folder.ReadArticle("a-1"));
    }

    [Fact]
    public void No_code_outside_JobFolder_parses_a_job_file_by_hand()
    {
        var records = new Regex(@"Deserialize<(TranslationFile|ClaimsFile|QaReport|Manifest|EvaluationReport)>|JsonDocument\.Parse\(File\.ReadAllText", RegexOptions.CultureInvariant);
        var home = Path.Combine(RepositoryPaths.Root, "src", "Summarizer.Core", "Outputs", "JobFolder.cs");

        Assert.Empty(SourceLines(home).Where(l => records.IsMatch(l.Text)).Select(l => l.Place));
    }

    [Fact]
    public void No_code_outside_JobFolder_names_an_output_file()
    {
        var names = string.Join('|', new[]
        {
            JobFolder.Manifest, JobFolder.Qa, JobFolder.Eval, JobFolder.Index, JobFolder.BriefingPage, JobFolder.BriefingMarkdown,
            JobFolder.DiffPage, JobFolder.DiffMarkdown, JobFolder.Translation, JobFolder.Claims, JobFolder.Summary, JobFolder.SideBySide,
            JobFolder.Review, JobFolder.XliffExtension, JobFolder.TmxExtension,
        }.Select(Regex.Escape));
        // A command's verb is not a file name ("review" is both the review folder and `summarizer review`).
        var literal = new Regex($"(?<!new Command\\()\"({names})\"", RegexOptions.CultureInvariant);
        var home = Path.Combine(RepositoryPaths.Root, "src", "Summarizer.Core", "Outputs", "JobFolder.cs");

        Assert.Empty(SourceLines(home).Where(l => literal.IsMatch(l.Text)).Select(l => l.Place));
    }

    /// <summary>Every line of the product's C# sources but one file's, with its place as <c>path:line</c>.</summary>
    private static IEnumerable<(string Place, string Text)> SourceLines(string except) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && f != except)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => ($"{Path.GetRelativePath(RepositoryPaths.Root, f)}:{i + 1}", line)));
}

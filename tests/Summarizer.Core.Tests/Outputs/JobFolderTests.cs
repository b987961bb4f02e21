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

        var offenders = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && f != home)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => literal.IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(RepositoryPaths.Root, l.File)}:{l.Line}")
            .ToList();

        Assert.Empty(offenders);
    }
}

using Summarizer.Core.Ingest;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Ingest;

public sealed class ArticleFileFinderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ArticleFileFinder _finder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Finds_supported_files_recursively_in_a_stable_order()
    {
        var b = _folder.Write("b.txt", "x");
        var a = _folder.Write("sub/a.html", "x");
        var c = _folder.Write("sub/deeper/c.json", "x");
        _folder.Write("notes.docx", "x");
        _folder.Write(".hidden/d.txt", "x");

        var found = _finder.Find([_folder.Path]);

        Assert.Equal(new[] { b, a, c }.Order(StringComparer.Ordinal), found.Files);
        Assert.Empty(found.Missing);
    }

    [Fact]
    public void Keeps_a_named_file_of_any_type_so_ingest_can_say_why_it_is_rejected()
    {
        var pdf = _folder.Write("paper.pdf", "x");

        Assert.Equal([pdf], _finder.Find([pdf]).Files);
    }

    [Fact]
    public void Reports_paths_that_do_not_exist_and_lists_a_file_once()
    {
        var a = _folder.Write("a.txt", "x");
        var missing = Path.Combine(_folder.Path, "nope");

        var found = _finder.Find([a, _folder.Path, missing]);

        Assert.Equal([a], found.Files);
        Assert.Equal([missing], found.Missing);
    }
}

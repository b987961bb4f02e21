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
    [Fact]
    public async Task A_link_loop_is_followed_once_per_real_folder()
    {
        var a = _folder.Write("a.txt", "x");
        var b = _folder.Write("sub/b.txt", "x");
        Directory.CreateSymbolicLink(Path.Combine(_folder.Path, "sub", "loop"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_folder.Path, "sub", "self"), ".");

        var found = await TimeBound.WithinAsync(() => Task.FromResult(_finder.Find([_folder.Path])));

        Assert.Equal([a, b], found.Files);
    }

    [Fact]
    public void A_file_reached_by_two_links_or_named_twice_is_listed_once()
    {
        var real = _folder.Write("b-real.txt", "x");
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "a-link.txt"), real);
        var named = Path.Combine(Directory.CreateDirectory(Path.Combine(_folder.Path, "c")).FullName, "link.txt");
        File.CreateSymbolicLink(named, "../b-real.txt");

        var found = _finder.Find([named, _folder.Path, real]);

        Assert.Equal([named], found.Files);
    }

    [Fact]
    public async Task Fifos_sockets_and_links_to_devices_are_listed_without_being_opened_so_ingest_can_reject_them()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(_folder.Path, "pipe.txt"));
        using var socket = SpecialFiles.BoundSocket(Path.Combine(_folder.Path, "sock.txt"));
        var device = Path.Combine(_folder.Path, "zero.txt");
        File.CreateSymbolicLink(device, "/dev/zero");
        SpecialFiles.Fifo(Path.Combine(_folder.Path, "pipe-without-type"));

        var found = await TimeBound.WithinAsync(() => Task.FromResult(_finder.Find([_folder.Path])));

        Assert.Equal([fifo, Path.Combine(_folder.Path, "sock.txt"), device], found.Files);
    }
}

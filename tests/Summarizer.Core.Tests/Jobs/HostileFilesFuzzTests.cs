using Summarizer.Testing;
using Xunit.Abstractions;

namespace Summarizer.Core.Tests.Jobs;

/// <summary>
/// A few hundred seeded hostile files through plan and run against the loopback server: no crash, no hang, every
/// file processed or rejected with a reason. The benchmark's <c>fuzz</c> mode runs the same with more files.
/// </summary>
public sealed class HostileFilesFuzzTests(ITestOutputHelper output) : LoopbackServerTest, IAsyncLifetime
{
    private readonly TempFolder _input = new();

    [Fact]
    public async Task Three_hundred_hostile_files_are_each_processed_or_rejected_with_a_reason_without_a_crash_or_hang()
    {
        var files = new HostileFiles(seed: 20261128, hugeChars: 20_000).WriteTo(_input.Path, 300);

        var figures = await HostileFilesFuzz.RunAsync(Server, _input.Path, files, Output.Path, limit: TimeSpan.FromMinutes(2));

        output.WriteLine(figures.ToString());
        Assert.Empty(figures.Problems);
        Assert.Equal(300, figures.Files);
        Assert.Equal(figures.Articles, figures.Accepted + figures.RejectedByReason.Values.Sum());
        Assert.Equal(figures.Accepted, figures.Done + figures.Partial + figures.Failed);

        // The generator reaches both sides: real articles survive the hostility around them, and several kinds of rejection occur.
        Assert.InRange(figures.Accepted, 30, figures.Articles - 30);
        Assert.True(figures.RejectedByReason.Count >= 5, figures.ToString());
    }

    protected override void Dispose(bool disposing)
    {
        _input.Dispose();
        base.Dispose(disposing);
    }
}

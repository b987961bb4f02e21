using System.Security.Cryptography;
using System.Text;
using Summarizer.Core.Outputs;
using Summarizer.Core.Rendering;
using Summarizer.Testing;
using Xunit.Abstractions;

namespace Summarizer.Core.Tests.Rendering;

/// <summary>
/// The side-by-side pages a job writes must not change because the review server can draw them with editing: the pages
/// of the committed previous-build job (tests/Summarizer.Testing/TestData/previous-build) hash to what the renderer
/// made before editing existed (commit 8ac20da). If a deliberate change to the static page breaks this, update the
/// hashes in the same commit and say so.
/// </summary>
public sealed class StaticPagesUnchangedTests(ITestOutputHelper output)
{
    public static TheoryData<string, bool, string> Pages => new()
    {
        { "date-harvest-festival", false, "f216df13aa44b68d30315588330e565194246a91304adcf4d435b0906c6c231b" },
        { "date-harvest-festival", true, "d9dc316c33f790b6afcbe31805bb3008c3de873b0ddabebda1c28e2d96cd7ca6" },
        { "regional-rail-agreement", true, "50a7bb66c220a31baa06e3f9e60f6543b539947292c98bc18c36ceba703ae613" },
        { "water-desalination-plant", true, "8ea56b8d5d3f1821725a88b9b51e589ca46b04507c7ae7d4182d1c88e3db2598" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_static_side_by_side_page_is_byte_for_byte_what_it_was_before_review_editing(string article, bool linkBriefing, string sha256)
    {
        var written = new JobFolder(PreviousBuildJob.Folder).ReadArticle(article)!;
        var result = ArticleResult.From(written, written.Translation.Path);
        var finding = new QaFinding(article, "s2", "number_mismatch", "warning", "<b>850</b> missing in English");

        var html = SideBySidePage.Render(result, written.Translation.Provenance, [finding], linkBriefing);

        var actual = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html)));
        output.WriteLine($"{article} {linkBriefing}: {actual} ({html.Length} chars)");
        Assert.Equal(sha256, actual);
    }
}

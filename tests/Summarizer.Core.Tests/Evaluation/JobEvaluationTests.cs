using Summarizer.Core.Evaluation;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Evaluation;

/// <summary>Evaluating a job folder: references line by line, blank lines included, scored as sacreBLEU 2.6.0 scores them.</summary>
public sealed class JobEvaluationTests : IDisposable
{
    private const double Exact = 0.00005;
    private readonly TempFolder job = new();
    private readonly TempFolder references = new();

    public JobEvaluationTests()
    {
        job.Write("manifest.json", """{"job_id":"job-1","provenance":{"prompts":[]}}""");
        job.Write("articles/a1/translation.json", """
            {"article":"a1","sentences":[
              {"id":"s2","ar":"ب","en":"a b c d"},
              {"id":"s10","ar":"ج","en":"e f g h"},
              {"id":"s1","ar":"أ","en":"a b c d"}]}
            """);
        job.Write("articles/a1/claims.json", """{"summary_en":null,"claims":[]}""");
    }

    [Theory]
    [InlineData("\na b c d\ne f g h\n")]
    [InlineData("\r\na b c d\r\ne f g h")]
    [InlineData("  \na b c d \t\ne f g h\n")]
    public void A_blank_reference_line_is_an_empty_reference_and_the_article_is_still_scored(string file)
    {
        // Line 1 (s1) is blank, line 2 is s2, line 3 is s10: sentences pair by number, not by file order.
        references.Write("a1.txt", file);

        var report = JobEvaluation.Evaluate(job.Path, references.Path);

        var article = Assert.Single(report.Articles);
        Assert.Null(article.Problem);

        // BLEU: s1 adds 4, 3, 2, 1 hypothesis n-grams and no match; s2 and s10 match fully: 8/12, 6/9, 4/6, 2/3,
        // every precision 2/3, lengths 12 ≥ 8 → 66.6667.
        Assert.Equal(66.666667, article.Bleu!.Value, Exact);

        // chrF and chrF++: the blank line contributes (0,0,0) at every order, the rest match fully → 100.
        Assert.Equal(100, article.ChrF!.Value, Exact);
        Assert.Equal(100, article.ChrFPlusPlus!.Value, Exact);
        Assert.Equal(report.Bleu, article.Bleu);
    }

    [Theory]
    [InlineData("a b c d\ne f g h\n", 2)]
    [InlineData("a b c d\n\ne f g h\n\n", 4)]
    [InlineData("a b c d\ra b c d\re f g h\r", 1)]
    public void A_reference_file_with_another_number_of_lines_leaves_the_article_unscored(string file, int lines)
    {
        // sacreBLEU ends a line at '\n' only: a trailing blank line is one line more, and old Mac '\r' endings are none.
        references.Write("a1.txt", file);

        var article = Assert.Single(JobEvaluation.Evaluate(job.Path, references.Path).Articles);

        Assert.Equal($"a1.txt has {lines} lines for 3 sentences", article.Problem);
        Assert.Null(article.ChrF);
    }

    [Fact]
    public void The_report_carries_sacreBLEUs_signatures()
    {
        references.Write("a1.txt", "a b c d\na b c d\ne f g h\n");

        var signatures = JobEvaluation.Evaluate(job.Path, references.Path).Signatures;

        Assert.Equal("nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0", signatures.ChrF);
        Assert.Equal("nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0", signatures.ChrFPlusPlus);
        Assert.Equal("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0", signatures.Bleu);
    }

    public void Dispose()
    {
        job.Dispose();
        references.Dispose();
    }
}

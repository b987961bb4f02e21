using Summarizer.Core.Stages;
using Summarizer.Core.Validation;

namespace Summarizer.Core.Tests.Validation;

public class StageValidatorTests
{
    [Fact]
    public void A_translation_answering_every_id_once_is_valid()
    {
        Assert.Empty(StageValidator.Translation(["s1", "s2"], new TranslateOutput([new("s1", "One."), new("s2", "Two.")])));
    }

    [Fact]
    public void Missing_duplicate_unknown_and_empty_translations_are_errors()
    {
        var errors = StageValidator.Translation(["s1", "s2", "s3"], new TranslateOutput([new("s1", "One."), new("s1", "Again."), new("s9", "Nine."), new("s3", " ")]));

        Assert.Equal(
            ["missing translations for s2", "s1 is translated 2 times; give exactly one", "unknown ids s9; answer only the ids given", "s3 has an empty translation"],
            errors);
    }

    [Fact]
    public void Claims_must_cite_given_sentences()
    {
        var errors = StageValidator.Claims(["s1", "s2"], [new ClaimDraft("Ok.", "نعم", ["s1"]), new ClaimDraft("No source.", "لا", []), new ClaimDraft("Bad.", "خطأ", ["s2", "s7"])]);

        Assert.Equal(["claim 2 cites no sentence", "claim 3 cites s7, which are not among the given sentences"], errors);
    }

    [Fact]
    public void Merge_checks_inline_citations_of_both_summaries()
    {
        var output = new MergeOutput("H", "ع", "Fine [s1]. Wrong [s3].", "جيد [s2]", [new ClaimDraft("C.", "ج", ["s1"])]);

        Assert.Equal(["summary_en cites s3, which are not sentences of this article"], StageValidator.Merge(["s1", "s2"], output));
    }

    [Fact]
    public void Brief_citations_must_name_an_article_and_one_of_its_sentences()
    {
        var sentences = new Dictionary<string, IReadOnlySet<string>> { ["a"] = new HashSet<string> { "s1" }, ["b"] = new HashSet<string> { "s1", "s2" } };
        var output = new BriefOutput("T", [new BriefSection("H", ["Fine [a:s1,b:s2]. Bad [a:s2]. Bare [s1]."])], [new BriefConflict("D", ["c:s1"])]);

        Assert.Equal(
            ["citation a:s2 does not name an article:sentence of this job", "citation s1 does not name an article:sentence of this job", "citation c:s1 does not name an article:sentence of this job"],
            StageValidator.Brief(sentences, output));
    }
}

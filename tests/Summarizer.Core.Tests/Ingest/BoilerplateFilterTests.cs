using Summarizer.Core.Ingest;

namespace Summarizer.Core.Tests.Ingest;

public class BoilerplateFilterTests
{
    private readonly BoilerplateFilter _filter = new();

    [Theory]
    [InlineData("اضف تعليق", "comment-form")]
    [InlineData("اترك تعليقاً", "comment-form")]
    [InlineData("لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها ب *", "comment-form")]
    [InlineData("تابعونا على", "follow-us")]
    [InlineData("مقالات ذات صلة", "related-articles")]
    [InlineData("الأكثر مشاهدة", "most-read")]
    [InlineData("شاركها ...", "share")]
    [InlineData("زر الذهاب إلى الأعلى", "back-to-top")]
    [InlineData("Scroll to Top", "back-to-top")]
    [InlineData("{{ reviewsTotal }}{{ options.labels.singularReviewCountLabel }}", "template-text")]
    public void Removes_page_furniture_by_rule(string line, string rule)
    {
        Assert.Equal(rule, _filter.Match(line));
    }

    [Theory]
    [InlineData("وقال الوزير إن الحكومة ستشارك في المؤتمر.")]
    [InlineData("شارك أكثر من مئة ألف شخص في التظاهرة التي دعت إليها النقابات يوم الجمعة الماضي")]
    [InlineData("")]
    public void Keeps_article_text(string line)
    {
        Assert.Null(_filter.Match(line));
    }

    [Fact]
    public void Keeps_a_long_sentence_that_merely_quotes_a_comment_phrase()
    {
        var sentence = "وكتب أحد القراء تحت عنوان اترك تعليقاً أن " + string.Join(' ', Enumerable.Repeat("المشروع تأخر كثيرا عن موعده", 8));

        Assert.Null(_filter.Match(sentence));
    }

    [Theory]
    [InlineData("{{ commentsCount }} تعليقات")]
    [InlineData("{{ reviewsTotal }}{{ options.labels.pluralReviewCountLabel }}")]
    public void Removes_lines_that_are_mostly_template_text(string line)
    {
        Assert.Equal("template-text", _filter.Match(line));
    }

    [Fact]
    public void Keeps_a_sentence_that_contains_template_text()
    {
        Assert.Null(_filter.Match("قال المتحدث إن النص {{ $system }} يبقى بيانات وليس أوامر في هذا الخبر."));
    }

    [Fact]
    public void Knows_section_labels()
    {
        Assert.True(_filter.IsSectionLabel("سياسة"));
        Assert.False(_filter.IsSectionLabel("سياسة الحكومة الجديدة"));
    }

    [Fact]
    public void Uses_rules_given_as_data()
    {
        var filter = BoilerplateFilter.FromRules(
            [new BoilerplateRule { Name = "newsletter", Match = "startsWith", Patterns = ["اشترك في النشرة"] }],
            []);

        Assert.Equal("newsletter", filter.Match("اشترك في النشرة البريدية"));
        Assert.Null(filter.Match("اضف تعليق"));
    }
}

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
    [InlineData("إعداد: سامر الخطيب", "credit-line")]
    [InlineData("تدقيق لغوي: هدى منصور", "credit-line")]
    [InlineData("تعديل الصورة ونشر: فريق الموقع", "credit-line")]
    [InlineData("بقلم: ليلى العمري", "credit-line")]
    [InlineData("الوسوم: الخارجية، الإقليم، الحوار", "tags")]
    [InlineData("آخر تحديث: 2026-01-20 09:30", "date-label")]
    [InlineData("الأحد 1 مارس 2026 - 10:45 م", "date-time")]
    [InlineData("(اخر تعديل 2026-03-02 14:10)", "date-time")]
    [InlineData("منذ 3 ساعات", "date-time")]
    [InlineData("1.2K مشاركة", "counter")]
    [InlineData("تعليقات (5)", "counter")]
    [InlineData("• 4", "symbols")]
    [InlineData("–", "symbols")]
    [InlineData("👁 1,245", "symbols")]
    [InlineData("date 2026-03-01 Advertisement", "latin-furniture")]
    [InlineData("Join our WhatsApp channel", "channel-promo")]
    [InlineData("Advertisement", "latin-furniture")]
    [InlineData("انضموا إلى قناتنا على واتساب لمتابعة آخر الأخبار", "channel-promo")]
    [InlineData("القائمة الرئيسية", "navigation")]
    [InlineData("الرئيسية | أخبار | اقتصاد", "breadcrumb")]
    [InlineData("صورة أرشيفية لافتتاح المعرض", "photo-caption")]
    [InlineData("بيروت - مراسلنا", "reporter-line")]
    [InlineData("نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. موافق", "cookie-banner")]
    [InlineData("جميع الحقوق محفوظة © 2026", "copyright")]
    [InlineData("هل كان هذا المقال مفيدا؟", "feedback-widget")]
    [InlineData("اقرأ أيضًا: وزير الزراعة يتفقد مشروعات الري الحديث", "related-link")]
    [InlineData("كتب محمد عبد الرحيم", "byline")]
    public void Removes_page_furniture_by_rule(string line, string rule)
    {
        Assert.Equal(rule, _filter.Match(line));
    }

    [Theory]
    [InlineData("صورة الوضع الاقتصادي قاتمة بحسب المراقبين.")]
    [InlineData("نشر الوزير تغريدة على تويتر قال فيها إن المفاوضات مستمرة.")]
    [InlineData("• بلغ معدل النمو 2.8 في المئة.")]
    [InlineData("وزير الخارجية: لا حل عسكريا للأزمة في الإقليم")]
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

using Summarizer.Core.Segmentation;

namespace Summarizer.Core.Tests.Segmentation;

public class SentenceSplitterTests
{
    private readonly SentenceSplitter _splitter = new();

    [Theory]
    [InlineData("وصل الوفد. وبدأ الاجتماع.", new[] { "وصل الوفد.", "وبدأ الاجتماع." })]
    [InlineData("هل انتهت المهمة؟ لا أحد يعرف!", new[] { "هل انتهت المهمة؟", "لا أحد يعرف!" })]
    [InlineData("انتهى الاجتماع؛ وغادر الوفد", new[] { "انتهى الاجتماع؛", "وغادر الوفد" })]
    [InlineData("وانتظر الجميع… ثم بدأ", new[] { "وانتظر الجميع…", "ثم بدأ" })]
    [InlineData("وانتظر الجميع... ثم بدأ", new[] { "وانتظر الجميع...", "ثم بدأ" })]
    public void Closes_sentences_at_arabic_and_latin_terminators(string text, string[] expected)
    {
        Assert.Equal(expected, Sentences(text));
    }

    [Fact]
    public void Treats_the_scraped_space_comma_space_joiner_as_a_boundary_before_a_new_main_clause()
    {
        Assert.Equal(["أعلنت كندا قرارها", "وشارك دبلوماسيون في الاجتماع"], Sentences("أعلنت كندا قرارها , وشارك دبلوماسيون في الاجتماع"));
        Assert.Equal(["بدأ الاجتماع", "كما حضر الوزراء"], Sentences("بدأ الاجتماع , كما حضر الوزراء"));
        Assert.Equal(["انتهت الجلسة", "جاء ذلك بعد نقاش"], Sentences("انتهت الجلسة , جاء ذلك بعد نقاش"));
    }

    [Theory]
    [InlineData("ونشرت السفيرة , تغريدة على موقعها")]
    [InlineData("نشرت الحكومة قواتها , ضمن مساهمتها في التحالف")]
    [InlineData("وبحسب البيان , بحث الوزير الأوضاع")]
    [InlineData("وفي 31 مارس الماضي , أكّد الوزير تمديد المهمة")]
    [InlineData("زار الوفد العراق , والأردن")]
    [InlineData("التقى الرئيس , وزير الخارجية")]
    [InlineData("وصل الوفد إلى بغداد , وذلك في إطار جولة إقليمية")]
    [InlineData("سترتفع الأسعار , وفقا للبيان الرسمي")]
    public void Keeps_a_joiner_before_an_object_a_phrase_or_after_a_fronted_phrase_inside_the_sentence(string text)
    {
        Assert.Single(Sentences(text));
    }

    [Fact]
    public void Does_not_split_at_an_arabic_comma_or_a_comma_inside_a_phrase()
    {
        Assert.Single(Sentences("أعلنت كندا ، الخميس ، أنها قررت خفض بعثتها، وإغلاق مكتبها, العام المقبل"));
    }

    [Theory]
    [InlineData("بلغ التمويل 1.39 مليار دولار. وانتهى")]
    [InlineData("وصل د. أحمد والمهندس م. سامي إلى الموقع. وانتهى")]
    [InlineData("راجع الموقع https://example.org/news/a.b.html للتفاصيل. وانتهى")]
    [InlineData("صدر القرار في 27.10.2024 بعد نقاش. وانتهى")]
    public void Keeps_numbers_abbreviations_urls_and_dates_whole(string text)
    {
        var sentences = Sentences(text);

        Assert.Equal(2, sentences.Count);
        Assert.Equal("وانتهى", sentences[1]);
    }

    [Fact]
    public void Splits_a_short_quotation_at_a_full_stop_before_its_next_sentence()
    {
        Assert.Equal(["وقال الوزير “لن ننسحب.", "سنبقى هنا” وغادر القاعة"], Sentences("وقال الوزير “لن ننسحب. سنبقى هنا” وغادر القاعة"));
    }

    [Fact]
    public void Does_not_split_inside_a_short_quotation_at_a_question_mark()
    {
        Assert.Single(Sentences("وسأل الصحفي “هل انتهى الأمر؟ أم لا” ثم غادر القاعة"));
    }

    [Theory]
    [InlineData("وفق مركز الأبحاث (GFZ).وأشار المركز إلى العمق", "وفق مركز الأبحاث (GFZ).")]
    [InlineData("وقال إن \"الفرق لم تسجل إصابات\".وأضاف أن المباني سليمة", "وقال إن \"الفرق لم تسجل إصابات\".")]
    [InlineData("بلغت الكلفة 2 مليار دولار.وتابع أن العمل مستمر", "بلغت الكلفة 2 مليار دولار.")]
    public void Ends_a_sentence_at_a_full_stop_glued_to_the_next_word(string text, string first)
    {
        var sentences = Sentences(text);

        Assert.Equal(2, sentences.Count);
        Assert.Equal(first, sentences[0]);
    }

    [Fact]
    public void Reads_line_ends_of_hard_wrapped_text_as_spaces()
    {
        const string text = "أعلنت الوزارة أمس أن صادرات الحمضيات إلى الأسواق الأوروبية\n" +
            "ارتفعت بنسبة كبيرة خلال الموسم الحالي مقارنة بالموسم الذي\n" +
            "سبقه. وقال المتحدث باسم الوزارة إن الشحنات بلغت حدا قياسيا\n" +
            "وإن الوزارة تتوقع أن تزيد أكثر قبل نهاية الموسم الحالي كله\n" +
            "بسبب الطلب";

        Assert.Equal(2, Sentences(text).Count);
    }

    [Fact]
    public void Ends_the_sentence_when_a_quotation_ends_with_its_own_full_stop()
    {
        Assert.Equal(["قال: “تم الاتفاق.”", "وأضاف أن التنفيذ يبدأ قريبا."], Sentences("قال: “تم الاتفاق.” وأضاف أن التنفيذ يبدأ قريبا."));
    }

    [Fact]
    public void Splits_a_long_quotation_at_its_own_sentence_ends()
    {
        var first = "بدأنا العمل منذ " + string.Join(' ', Enumerable.Repeat("سنوات طويلة مع الشركاء", 12)) + ".";
        var text = $"وقال \"{first} وسنواصل العمل\".";

        Assert.Equal(2, Sentences(text).Count);
    }

    [Fact]
    public void Ignores_an_opening_quote_that_is_never_closed()
    {
        Assert.Equal(2, Sentences("وأكدت الحكومة بأنها “ تدعم الجهود. ويشمل ذلك التدريب").Count);
    }

    [Fact]
    public void Joins_a_closing_quote_or_a_lone_dot_on_its_own_line_to_the_sentence_before()
    {
        const string text = "وقال “سنبقى هنا\n”\nوانتهى الأمر\n.\nثم غادر";

        var spans = _splitter.Split(text);

        Assert.Equal(["وقال “سنبقى هنا\n”", "وانتهى الأمر\n.", "ثم غادر"], spans.Select(s => text[s.Start..s.End]));
    }

    [Fact]
    public void Keeps_one_unpunctuated_sentence_per_line_apart_even_when_the_lines_are_of_a_length()
    {
        const string text = "قال وزير المالية إن الموازنة الجديدة تركز على دعم الاستثمار العام\n" +
            "وأضاف أن العجز سينخفض إلى ثلاثة في المئة خلال العام المقبل كله\n" +
            "وأشار إلى أن الحكومة ستطلق برنامجا جديدا للإصلاح الضريبي قريبا\n" +
            "وأكد أن البرنامج يحظى بدعم المؤسسات المالية الدولية والمحلية";

        Assert.Equal(4, Sentences(text).Count);
    }

    [Fact]
    public void Line_ends_close_sentences_and_blank_lines_start_paragraphs()
    {
        var spans = _splitter.Split("العنوان الأول\nسطر ثان بلا نقطة\n\nفقرة ثانية.");

        Assert.Equal([1, 1, 2], spans.Select(s => s.Paragraph));
    }

    [Fact]
    public void Spans_point_at_trimmed_text()
    {
        const string text = "  أولا.   ثانيا ,  وثالثا  ";

        var spans = _splitter.Split(text);

        Assert.Equal(["أولا.", "ثانيا", "وثالثا"], spans.Select(s => text[s.Start..s.End]));
    }

    private List<string> Sentences(string text) => _splitter.Split(text).Select(s => text[s.Start..s.End]).ToList();
}

namespace Summarizer.Testing;

/// <summary>Short Arabic texts written for the tests (not taken from the corpus).</summary>
public static class ArabicSamples
{
    /// <summary>A headline, two paragraphs and a source line.</summary>
    public const string ShortArticle =
        "افتتاح جسر جديد فوق النهر\n\n" +
        "افتتحت البلدية صباح اليوم جسرا جديدا بطول 420 مترا. وقال رئيس البلدية إن المشروع كلف 12.5 مليون دولار.\n\n" +
        "ويربط الجسر الحيين الشرقي والغربي للمدينة ، ويتوقع أن يخفف الازدحام بنسبة كبيرة.\n" +
        "المصدر: وكالة الأنباء المحلية";
}

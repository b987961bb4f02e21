using Summarizer.Core.Ingest;

namespace Summarizer.Core.Tests.Ingest;

public class HtmlContentExtractorTests
{
    private readonly HtmlContentExtractor _extractor = new();

    [Fact]
    public void Keeps_the_article_and_drops_page_furniture()
    {
        const string html = """
            <html><head><title>عنوان الصفحة | الموقع</title><style>p{color:red}</style></head>
            <body><nav><a href="/">الرئيسية</a></nav><header>شعار الموقع</header>
            <article><h1>افتتاح مكتبة عامة</h1><p>افتتحت المدينة مكتبة عامة جديدة.</p><p>وتضم المكتبة ثلاثين ألف كتاب.</p></article>
            <aside>مقالات ذات صلة</aside><footer>جميع الحقوق محفوظة</footer><script>alert('x')</script></body></html>
            """;

        var document = _extractor.Extract(html);

        Assert.Equal("افتتاح مكتبة عامة", document.Title);
        Assert.Equal("افتتحت المدينة مكتبة عامة جديدة.\n\nوتضم المكتبة ثلاثين ألف كتاب.", document.Body);
    }

    [Fact]
    public void Falls_back_to_the_page_title_and_body()
    {
        var document = _extractor.Extract("<html><head><title>خبر عاجل</title></head><body><p>نص الخبر هنا.</p></body></html>");

        Assert.Equal("خبر عاجل", document.Title);
        Assert.Equal("نص الخبر هنا.", document.Body);
    }

    [Fact]
    public void Keeps_hostile_markup_out_of_the_text()
    {
        const string html = """<article><p>نص <img src=x onerror="alert(1)">سليم<script>document.cookie</script> &lt;b&gt;حرفي&lt;/b&gt;</p></article>""";

        var document = _extractor.Extract(html);

        Assert.Equal("نص سليم <b>حرفي</b>", document.Body);
        Assert.DoesNotContain("alert", document.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("cookie", document.Body, StringComparison.Ordinal);
    }
}

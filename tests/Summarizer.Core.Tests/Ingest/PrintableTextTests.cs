using Summarizer.Core.Ingest;
using Summarizer.Core.Outputs;

namespace Summarizer.Core.Tests.Ingest;

public class PrintableTextTests
{
    [Theory]
    [InlineData("a\nb.txt", "a\\u000Ab.txt")]
    [InlineData("a\r\n.txt", "a\\u000D\\u000A.txt")]
    [InlineData("\u001b]0;pwned\u0007.txt", "\\u001B]0;pwned\\u0007.txt")]
    [InlineData("\u001b[31mred.md", "\\u001B[31mred.md")]
    [InlineData("evil\u202Etxt.exe", "evil\\u202Etxt.exe")]
    [InlineData("\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069\u200E\u200F\u061C", "\\u202A\\u202B\\u202C\\u202D\\u2066\\u2067\\u2068\\u2069\\u200E\\u200F\\u061C")]
    [InlineData("a\u2028b\u2029c\u0085d", "a\\u2028b\\u2029c\\u0085d")]
    [InlineData("tag\U000E0041.txt", "tag\\U000E0041.txt")]
    public void Shows_controls_overrides_and_broken_characters_as_escapes(string name, string shown)
    {
        Assert.Equal(shown, PrintableText.Escape(name));
    }

    [Fact]
    public void Shows_an_unpaired_surrogate_as_an_escape()
    {
        // Not in InlineData: attribute strings are stored as UTF-8, which has no room for half a character.
        Assert.Equal("half\\uD800 \\uDC00.txt", PrintableText.Escape("half\uD800 \uDC00.txt"));
    }

    [Theory]
    [InlineData("samples/articles/تحلية-المياه.txt")]
    [InlineData(@"C:\news\خبر 1.json")]
    [InlineData("emoji 😀 and a space.md")]
    [InlineData("")]
    public void Leaves_printable_names_as_they_are(string name)
    {
        Assert.Same(name, PrintableText.Escape(name));
    }

    [Fact]
    public void Escaping_twice_changes_nothing_more()
    {
        var once = PrintableText.Escape("a\n\u202Eb\u001b");

        Assert.Equal(once, PrintableText.Escape(once));
        Assert.DoesNotContain(once, c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);
    }

    [Fact]
    public void In_json_escapes_format_characters_and_separators_so_the_data_reads_back_the_same()
    {
        var name = "rail\u202Elmth\u2028\U000E0041.txt\n";
        var json = Summarizer.Core.Files.OutputJson.Serialize(new { path = name });

        var escaped = PrintableText.EscapeJson(json);

        Assert.Contains("rail\\u202Elmth\\u2028\\uDB40\\uDC41.txt\\n", escaped, StringComparison.Ordinal);
        Assert.Contains('\n', escaped);
        using var read = System.Text.Json.JsonDocument.Parse(escaped);
        Assert.Equal(name, read.RootElement.GetProperty("path").GetString());
    }
}

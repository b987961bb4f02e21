using System.Text;
using Summarizer.Core.Ingest;

namespace Summarizer.Core.Tests.Ingest;

public class TextDecoderTests
{
    private const string Arabic = "أعلنت الحكومة عن خطة جديدة لدعم المزارعين في الريف.";
    private readonly TextDecoder _decoder = new();

    [Fact]
    public void Decodes_utf8_without_bom()
    {
        var decoded = _decoder.Decode(Encoding.UTF8.GetBytes(Arabic));

        Assert.Equal(Arabic, decoded.Text);
        Assert.Equal("utf-8", decoded.EncodingName);
    }

    [Fact]
    public void Decodes_utf8_with_bom_and_drops_the_mark()
    {
        var decoded = _decoder.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Arabic)]);

        Assert.Equal(Arabic, decoded.Text);
    }

    [Theory]
    [InlineData(false, "utf-16")]
    [InlineData(true, "utf-16BE")]
    public void Decodes_utf16_by_its_byte_order_mark(bool bigEndian, string expectedName)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);

        var decoded = _decoder.Decode([.. encoding.GetPreamble(), .. encoding.GetBytes(Arabic)]);

        Assert.Equal(Arabic, decoded.Text);
        Assert.Equal(expectedName, decoded.EncodingName);
    }

    [Fact]
    public void Detects_and_decodes_windows_1256()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var longer = string.Join(' ', Enumerable.Repeat(Arabic, 6));
        var bytes = Encoding.GetEncoding("windows-1256").GetBytes(longer);

        var decoded = _decoder.Decode(bytes);

        Assert.Equal(longer, decoded.Text);
        Assert.Equal("windows-1256", decoded.EncodingName);
    }

    [Fact]
    public void Rejects_binary_data_as_binary()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

        var error = Assert.Throws<IngestException>(() => _decoder.Decode(png));

        Assert.Equal(RejectionReason.Binary, error.Reason);
    }

    [Fact]
    public void Rejects_damaged_utf8_with_the_offset_of_the_first_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes(Arabic + Arabic);
        bytes[10] = 0xFF;

        var error = Assert.Throws<IngestException>(() => _decoder.Decode(bytes));

        Assert.Equal(RejectionReason.Undecodable, error.Reason);
        Assert.Contains("byte 10", error.Message, StringComparison.Ordinal);
    }
}

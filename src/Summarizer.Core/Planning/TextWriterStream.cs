using System.Text;

namespace Summarizer.Core.Planning;

/// <summary>
/// A write-only stream that decodes the UTF-8 written to it onto a <see cref="TextWriter"/>, so JSON can be serialised
/// straight to a console or a <see cref="StringWriter"/> in pieces instead of as one string.
/// </summary>
internal sealed class TextWriterStream(TextWriter writer) : Stream
{
    // The decoder keeps a character's first bytes when a write ends in the middle of it (Arabic letters are two bytes).
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var chars = new char[_decoder.GetCharCount(buffer, flush: false)];
        var written = _decoder.GetChars(buffer, chars, flush: false);
        writer.Write(Printable(chars, written));
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var chars = new char[_decoder.GetCharCount(buffer.Span, flush: false)];
        var written = _decoder.GetChars(buffer.Span, chars, flush: false);
        await writer.WriteAsync(Printable(chars, written).AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Bidi and other format characters from file names are written as JSON escapes, so a terminal showing the JSON is not
    /// reordered by them. The decoder hands out whole characters only, so a surrogate pair never straddles two writes.
    /// </summary>
    private static string Printable(char[] chars, int count) => Ingest.PrintableText.EscapeJson(new string(chars, 0, count));

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => writer.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => writer.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

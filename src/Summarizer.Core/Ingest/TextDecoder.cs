using System.Text;
using UtfUnknown;

namespace Summarizer.Core.Ingest;

/// <summary>
/// Turns file bytes into text: byte-order marks first, then strict UTF-8, then charset detection
/// (UTF.Unknown) for legacy code pages such as Windows-1256.
/// </summary>
public sealed class TextDecoder
{
    private const int BinaryProbeBytes = 8192;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder()
    {
        // Legacy code pages (windows-1256, iso-8859-6) are not in .NET by default; registration is process-wide and idempotent.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Decodes the bytes of a text file.</summary>
    /// <exception cref="IngestException">The bytes are binary data or cannot be decoded.</exception>
    internal DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (TryDecodeWithByteOrderMark(bytes, out var withBom))
        {
            return withBom;
        }

        if (LooksBinary(bytes))
        {
            throw new IngestException(RejectionReason.Binary, "binary data, not text (NUL or control bytes)");
        }

        if (TryDecodeStrictUtf8(bytes, out var text, out var badOffset))
        {
            return new DecodedText(text, "utf-8");
        }

        if (MostlyValidUtf8(bytes))
        {
            // A UTF-8 file with a few broken bytes would decode as mojibake under any code page; say where it breaks instead.
            throw new IngestException(RejectionReason.Undecodable, $"invalid UTF-8 byte sequence at byte {badOffset}");
        }

        var detected = CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected;
        var encoding = detected is { Confidence: >= 0.3f } ? TryGetEncoding(detected.EncodingName) : null;
        if (encoding is null)
        {
            throw new IngestException(RejectionReason.Undecodable, "not valid UTF-8 and no known encoding detected");
        }

        return new DecodedText(encoding.GetString(bytes), encoding.WebName);
    }

    private static bool TryDecodeWithByteOrderMark(ReadOnlySpan<byte> bytes, out DecodedText decoded)
    {
        (Encoding? encoding, int skip) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => ((Encoding?)StrictUtf8, 3),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            _ => (null, 0),
        };
        decoded = null!;
        if (encoding is null)
        {
            return false;
        }

        try
        {
            decoded = new DecodedText(encoding.GetString(bytes[skip..]), encoding.WebName);
            return true;
        }
        catch (DecoderFallbackException ex)
        {
            throw new IngestException(RejectionReason.Undecodable, $"invalid {encoding.WebName} after its byte-order mark ({ex.Index})");
        }
    }

    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var probe = bytes[..Math.Min(bytes.Length, BinaryProbeBytes)];
        var control = 0;
        foreach (var b in probe)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C)
            {
                control++;
            }
        }

        return control > probe.Length / 20;
    }

    private static bool TryDecodeStrictUtf8(ReadOnlySpan<byte> bytes, out string text, out int badOffset)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            badOffset = -1;
            return true;
        }
        catch (DecoderFallbackException ex)
        {
            text = string.Empty;
            badOffset = ex.Index;
            return false;
        }
    }

    /// <summary>True when most non-ASCII bytes form valid UTF-8 sequences: a damaged UTF-8 file, not a legacy code page.</summary>
    private static bool MostlyValidUtf8(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0;
        var rest = bytes;
        while (!rest.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(rest, out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                if (rune.Value >= 0x80)
                {
                    valid++;
                }
            }
            else
            {
                invalid++;
            }

            rest = rest[Math.Max(consumed, 1)..];
        }

        return valid > 0 && invalid * 10 < valid;
    }

    private static Encoding? TryGetEncoding(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

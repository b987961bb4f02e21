using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Summarizer.Core.Exchange;

/// <summary>
/// Writing and reading exchange files safely: text is escaped by the writer and cleaned of characters XML 1.0 cannot
/// carry; files are read with no DTD processing and no resolver, so an imported file can neither expand entities nor
/// reach the network or the disk (XXE).
/// </summary>
public static class ExchangeXml
{
    /// <summary>Gets the writer settings of every exported file: UTF-8 without BOM, indented, LF line ends.</summary>
    public static XmlWriterSettings WriterSettings { get; } = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\n",
        CheckCharacters = true,
    };

    /// <summary>
    /// Replaces what XML 1.0 cannot hold (C0 controls other than tab and line ends, lone surrogates, U+FFFE/U+FFFF) with
    /// U+FFFD; everything else, bidi controls and markup characters included, is kept and escaped by the writer.
    /// </summary>
    public static string Clean(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c);
            if (pair)
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (XmlConvert.IsXmlChar(c))
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text.Length).Append(text, 0, i);
            builder.Append('\uFFFD');
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>
    /// Loads an exchange file. A missing file, a DTD (when <paramref name="allowDoctype"/> is false) and malformed XML are
    /// each one line naming the file. With <paramref name="allowDoctype"/> a <c>&lt;!DOCTYPE&gt;</c> (customary in TMX) is
    /// skipped unread, so its entities are never expanded.
    /// </summary>
    public static XDocument Load(string path, bool allowDoctype)
    {
        if (!File.Exists(path))
        {
            throw new ExchangeException(Directory.Exists(path) ? $"{path} is a folder, not a file" : $"file not found: {path}");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = allowDoctype ? DtdProcessing.Ignore : DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = XmlReader.Create(stream, settings);
            return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException ex) when (!allowDoctype && ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new ExchangeException($"{path} declares a DTD (<!DOCTYPE …>); import reads no DTD or external entity. Export the file again from the CAT tool without one");
        }
        catch (XmlException ex)
        {
            throw new ExchangeException($"{path} is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message.Split('\n')[0].Split(" Line ")[0].TrimEnd('.')})");
        }
    }
}

/// <summary>A string writer that declares UTF-8, so the XML declaration of a document built in memory matches the file written from it.</summary>
internal sealed class Utf8StringWriter() : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
{
    /// <inheritdoc />
    public override Encoding Encoding => ExchangeXml.WriterSettings.Encoding;
}

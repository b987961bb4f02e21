using System.Globalization;
using System.Xml;
using Summarizer.Core.Store;

namespace Summarizer.Core.Exchange;

/// <summary>
/// Writes translation-memory entries as TMX 1.4b (LISA OSCAR, <c>tmx14.dtd</c>): a <c>header</c> with
/// <c>creationtool</c>, <c>creationtoolversion</c>, <c>segtype="sentence"</c>, <c>o-tmf</c>, <c>adminlang</c>,
/// <c>srclang="ar"</c> and <c>datatype="plaintext"</c>, then one <c>tu</c> per entry with its origin as <c>prop</c>s
/// (<c>x-job</c>, <c>x-article</c>, <c>x-sentence</c>, <c>x-prompt-version</c>) and an Arabic and an English <c>tuv</c>.
/// </summary>
public static class TmxWriter
{
    /// <summary>The DTD a TMX 1.4 document names, as the specification asks.</summary>
    public const string DtdName = "tmx14.dtd";

    /// <summary>The <c>prop@type</c> of the job an entry came from.</summary>
    public const string JobProp = "x-job";

    /// <summary>The <c>prop@type</c> of the article an entry came from.</summary>
    public const string ArticleProp = "x-article";

    /// <summary>The <c>prop@type</c> of the sentence id an entry had.</summary>
    public const string SentenceProp = "x-sentence";

    /// <summary>The <c>prop@type</c> of the translate prompt version behind the entry.</summary>
    public const string PromptProp = "x-prompt-version";

    /// <summary>Writes the entries.</summary>
    public static void Write(IEnumerable<TmEntry> entries, TextWriter output)
    {
        using var xml = XmlWriter.Create(output, ExchangeXml.WriterSettings);
        xml.WriteStartDocument();
        xml.WriteDocType("tmx", null, DtdName, null);
        xml.WriteStartElement("tmx");
        xml.WriteAttributeString("version", "1.4");
        xml.WriteStartElement("header");
        xml.WriteAttributeString("creationtool", ExchangeFormats.Tool);
        xml.WriteAttributeString("creationtoolversion", ExchangeFormats.ToolVersion);
        xml.WriteAttributeString("segtype", "sentence");
        xml.WriteAttributeString("o-tmf", ExchangeFormats.Tool);
        xml.WriteAttributeString("adminlang", ExchangeFormats.TargetLanguage);
        xml.WriteAttributeString("srclang", ExchangeFormats.SourceLanguage);
        xml.WriteAttributeString("datatype", "plaintext");
        xml.WriteEndElement();
        xml.WriteStartElement("body");
        foreach (var entry in entries)
        {
            xml.WriteStartElement("tu");
            if (entry.Article is { } article && entry.Sentence is { } sentence)
            {
                xml.WriteAttributeString("tuid", UnitIds.Of(article, sentence));
            }

            xml.WriteAttributeString("creationid", ExchangeXml.Clean(entry.Reviewer));
            xml.WriteAttributeString("creationdate", entry.Time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
            Prop(xml, JobProp, entry.JobId);
            Prop(xml, ArticleProp, entry.Article);
            Prop(xml, SentenceProp, entry.Sentence);
            Prop(xml, PromptProp, entry.PromptVersion);
            Variant(xml, ExchangeFormats.SourceLanguage, entry.Ar);
            Variant(xml, ExchangeFormats.TargetLanguage, entry.En);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Prop(XmlWriter xml, string type, string? value)
    {
        if (value is not null)
        {
            xml.WriteStartElement("prop");
            xml.WriteAttributeString("type", type);
            xml.WriteString(ExchangeXml.Clean(value));
            xml.WriteEndElement();
        }
    }

    private static void Variant(XmlWriter xml, string language, string text)
    {
        xml.WriteStartElement("tuv");
        xml.WriteAttributeString("xml", "lang", null, language);
        xml.WriteElementString("seg", ExchangeXml.Clean(text));
        xml.WriteEndElement();
    }
}

using System.Xml;
using Summarizer.Core.Store;

namespace Summarizer.Core.Exchange;

/// <summary>
/// Writes a reviewed job as XLIFF 1.2 (OASIS, strict schema): one <c>file</c> per article (<c>original</c> =
/// <c>&lt;job&gt;/&lt;article&gt;</c>, <c>source-language="ar"</c>, <c>target-language="en"</c>, <c>datatype="plaintext"</c>),
/// one <c>trans-unit</c> per sentence with <c>source</c>, <c>target</c> and its <c>state</c>, <c>approved="yes"</c> once
/// approved, and QA findings, citing claims and reviewer comments as <c>note</c>s.
/// </summary>
public static class Xliff12Writer
{
    /// <summary>Writes the job.</summary>
    public static void Write(ReviewJob job, TextWriter output)
    {
        using var xml = XmlWriter.Create(output, ExchangeXml.WriterSettings);
        const string ns = ExchangeFormats.Xliff12Namespace;
        xml.WriteStartDocument();
        xml.WriteStartElement("xliff", ns);
        xml.WriteAttributeString("version", "1.2");
        foreach (var article in job.Articles)
        {
            xml.WriteStartElement("file", ns);
            xml.WriteAttributeString("original", UnitIds.Original(job.JobId, article.Id));
            xml.WriteAttributeString("source-language", ExchangeFormats.SourceLanguage);
            xml.WriteAttributeString("target-language", ExchangeFormats.TargetLanguage);
            xml.WriteAttributeString("datatype", "plaintext");
            xml.WriteStartElement("header", ns);
            xml.WriteStartElement("tool", ns);
            xml.WriteAttributeString("tool-id", ExchangeFormats.Tool);
            xml.WriteAttributeString("tool-name", ExchangeFormats.Tool);
            xml.WriteAttributeString("tool-version", ExchangeFormats.ToolVersion);
            xml.WriteEndElement();
            if (article.Title.Length > 0)
            {
                xml.WriteStartElement("note", ns);
                xml.WriteAttributeString("from", "title");
                xml.WriteString(ExchangeXml.Clean(article.Title));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteStartElement("body", ns);
            foreach (var segment in article.Segments)
            {
                WriteUnit(xml, segment);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>The <c>target@state</c> of a review state: rejected asks for another look; reviewed and approved are final.</summary>
    public static string StateOf(string reviewState) => reviewState switch
    {
        ReviewStates.Approved or ReviewStates.Reviewed => "final",
        ReviewStates.Rejected => "needs-review-translation",
        _ => "translated",
    };

    private static void WriteUnit(XmlWriter xml, ReviewSegment segment)
    {
        const string ns = ExchangeFormats.Xliff12Namespace;
        xml.WriteStartElement("trans-unit", ns);
        xml.WriteAttributeString("id", segment.UnitId);
        if (segment.State == ReviewStates.Approved)
        {
            xml.WriteAttributeString("approved", "yes");
        }

        xml.WriteStartElement("source", ns);
        xml.WriteAttributeString("xml", "lang", null, ExchangeFormats.SourceLanguage);
        xml.WriteString(ExchangeXml.Clean(segment.Ar));
        xml.WriteEndElement();
        if (segment.En is { } english)
        {
            xml.WriteStartElement("target", ns);
            xml.WriteAttributeString("xml", "lang", null, ExchangeFormats.TargetLanguage);
            xml.WriteAttributeString("state", StateOf(segment.State));
            xml.WriteString(ExchangeXml.Clean(english));
            xml.WriteEndElement();
        }

        foreach (var note in segment.Notes)
        {
            xml.WriteStartElement("note", ns);
            xml.WriteAttributeString("from", note.From);
            xml.WriteAttributeString("priority", note.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteString(ExchangeXml.Clean(note.Text));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }
}

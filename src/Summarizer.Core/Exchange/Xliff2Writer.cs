using System.Globalization;
using System.Xml;
using Summarizer.Core.Store;

namespace Summarizer.Core.Exchange;

/// <summary>
/// Writes a reviewed job as XLIFF 2.1 (OASIS core schema): <c>xliff version="2.1" srcLang="ar" trgLang="en"</c>, one
/// <c>file</c> per article (<c>id</c> = article, <c>original</c> = <c>&lt;job&gt;/&lt;article&gt;</c>), one <c>unit</c> per
/// sentence with its <c>notes</c> and one <c>segment</c> whose <c>state</c> is initial, translated, reviewed or final.
/// </summary>
public static class Xliff2Writer
{
    /// <summary>The <c>subState</c> that marks a rejected segment (XLIFF 2 has no rejected state; <c>initial</c> asks for new work).</summary>
    public const string RejectedSubState = ExchangeFormats.Tool + ":" + ReviewStates.Rejected;

    /// <summary>Writes the job.</summary>
    public static void Write(ReviewJob job, TextWriter output)
    {
        using var xml = XmlWriter.Create(output, ExchangeXml.WriterSettings);
        const string ns = ExchangeFormats.Xliff2Namespace;
        xml.WriteStartDocument();
        xml.WriteStartElement("xliff", ns);
        xml.WriteAttributeString("version", "2.1");
        xml.WriteAttributeString("srcLang", ExchangeFormats.SourceLanguage);
        xml.WriteAttributeString("trgLang", ExchangeFormats.TargetLanguage);
        foreach (var article in job.Articles.Where(a => a.Segments.Count > 0))
        {
            xml.WriteStartElement("file", ns);
            xml.WriteAttributeString("id", article.Id);
            xml.WriteAttributeString("original", UnitIds.Original(job.JobId, article.Id));
            if (article.Title.Length > 0)
            {
                xml.WriteStartElement("notes", ns);
                WriteNote(xml, new ReviewNote("title", article.Title, 5));
                xml.WriteEndElement();
            }

            foreach (var segment in article.Segments)
            {
                WriteUnit(xml, segment);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>The <c>segment@state</c> of a review state; a sentence never translated is <c>initial</c>.</summary>
    public static string StateOf(ReviewSegment segment) => segment.En is null ? "initial" : segment.State switch
    {
        ReviewStates.Approved => "final",
        ReviewStates.Reviewed => "reviewed",
        ReviewStates.Rejected => "initial",
        _ => "translated",
    };

    private static void WriteUnit(XmlWriter xml, ReviewSegment segment)
    {
        const string ns = ExchangeFormats.Xliff2Namespace;
        xml.WriteStartElement("unit", ns);
        xml.WriteAttributeString("id", segment.UnitId);
        if (segment.Notes.Count > 0)
        {
            xml.WriteStartElement("notes", ns);
            foreach (var note in segment.Notes)
            {
                WriteNote(xml, note);
            }

            xml.WriteEndElement();
        }

        xml.WriteStartElement("segment", ns);
        xml.WriteAttributeString("state", StateOf(segment));
        if (segment.En is not null && segment.State == ReviewStates.Rejected)
        {
            xml.WriteAttributeString("subState", RejectedSubState);
        }

        xml.WriteElementString("source", ns, ExchangeXml.Clean(segment.Ar));
        if (segment.En is { } english)
        {
            xml.WriteElementString("target", ns, ExchangeXml.Clean(english));
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteNote(XmlWriter xml, ReviewNote note)
    {
        xml.WriteStartElement("note", ExchangeFormats.Xliff2Namespace);
        xml.WriteAttributeString("category", note.From);
        xml.WriteAttributeString("priority", note.Priority.ToString(CultureInfo.InvariantCulture));
        xml.WriteString(ExchangeXml.Clean(note.Text));
        xml.WriteEndElement();
    }
}

using System.Xml;
using System.Xml.Schema;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Exchange;

/// <summary>
/// Validates exported files against the official schemas in <c>Schemas/</c> (see its README) with System.Xml.Schema:
/// XLIFF 1.2 strict and transitional XSDs, the XLIFF 2.1 core XSD, and the TMX 1.4 DTD. Every schema location resolves
/// to a local copy; anything else is refused, so validation never touches the network.
/// </summary>
internal static class ExchangeSchemas
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "tests", "Summarizer.Core.Tests", "Exchange", "Schemas");

    public static IReadOnlyList<string> Xliff12Strict(string file) => ValidateXsd(file, "xliff-core-1.2-strict.xsd");

    public static IReadOnlyList<string> Xliff12Transitional(string file) => ValidateXsd(file, "xliff-core-1.2-transitional.xsd");

    public static IReadOnlyList<string> Xliff21(string file) => ValidateXsd(file, Path.Combine("xliff-2.1", "xliff_core_2.0.xsd"));

    /// <summary>DTD validation: the file's own <c>&lt;!DOCTYPE tmx SYSTEM "tmx14.dtd"&gt;</c> is parsed, resolved to the local DTD.</summary>
    public static IReadOnlyList<string> Tmx14(string file)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, ValidationType = ValidationType.DTD, XmlResolver = new LocalOnly() };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using (var stream = File.OpenRead(file))
        using (var reader = XmlReader.Create(stream, settings, new Uri(Path.GetFullPath(file)).AbsoluteUri))
        {
            while (reader.Read())
            {
            }
        }

        return errors;
    }

    private static List<string> ValidateXsd(string file, string schema)
    {
        var set = new XmlSchemaSet { XmlResolver = new LocalOnly() };
        using (var schemaReader = XmlReader.Create(Path.Combine(Folder, schema), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new LocalOnly() }))
        {
            set.Add(null, schemaReader);
        }

        set.Compile();
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set, XmlResolver = new LocalOnly() };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using (var stream = File.OpenRead(file))
        using (var reader = XmlReader.Create(stream, settings, new Uri(Path.GetFullPath(file)).AbsoluteUri))
        {
            while (reader.Read())
            {
            }
        }

        return errors;
    }

    /// <summary>Resolves the W3C xml.xsd location and files inside Schemas/ (and a tmx14.dtd named by a document) locally; refuses the rest.</summary>
    private sealed class LocalOnly : XmlResolver
    {
        public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var local = absoluteUri.AbsoluteUri switch
            {
                "http://www.w3.org/2001/xml.xsd" or "http://www.w3.org/2009/01/xml.xsd" => Path.Combine(Folder, "xml.xsd"),
                _ when absoluteUri.IsFile && Path.GetFileName(absoluteUri.LocalPath) == "tmx14.dtd" => Path.Combine(Folder, "tmx14.dtd"),
                _ when absoluteUri.IsFile && Path.GetFullPath(absoluteUri.LocalPath).StartsWith(Folder, StringComparison.Ordinal) => absoluteUri.LocalPath,
                _ => throw new XmlException($"schema validation must not load {absoluteUri}"),
            };
            return File.OpenRead(local);
        }
    }
}

using System.Globalization;
using System.Xml.Linq;
using Summarizer.Core.Store;

namespace Summarizer.Core.Exchange;

/// <summary>
/// Reads the Arabic–English pairs of a TMX file (1.4, as CAT tools write it; its <c>&lt;!DOCTYPE&gt;</c> is skipped
/// unread): the first <c>tuv</c> whose <c>xml:lang</c> is Arabic and the first that is English, their <c>seg</c>s with
/// inline codes dropped and <c>hi</c> kept as text, and the origin from the <c>prop</c>s export writes.
/// </summary>
public static class TmxReader
{
    private static readonly XNamespace Xml = XNamespace.Xml;

    /// <summary>Reads the pairs; units without both languages are counted in <paramref name="skipped"/>.</summary>
    public static IReadOnlyList<TmEntry> Read(string path, string importer, DateTimeOffset now, out int skipped)
    {
        var root = ExchangeXml.Load(path, allowDoctype: true).Root!;
        if (root.Name != "tmx" || root.Element("body") is not { } body)
        {
            throw new ExchangeException($"{path} is not TMX (root <{root.Name.LocalName}>): tm import reads TMX 1.4; use 'summarizer import <job>' for XLIFF");
        }

        var entries = new List<TmEntry>();
        skipped = 0;
        foreach (var unit in body.Elements("tu"))
        {
            var ar = Segment(unit, ExchangeFormats.SourceLanguage);
            var en = Segment(unit, ExchangeFormats.TargetLanguage);
            if (string.IsNullOrEmpty(ar) || string.IsNullOrEmpty(en))
            {
                skipped++;
                continue;
            }

            var props = unit.Elements("prop").GroupBy(p => (string?)p.Attribute("type") ?? string.Empty).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
            var time = DateTimeOffset.TryParseExact((string?)unit.Attribute("creationdate"), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
                ? created
                : now;
            entries.Add(new TmEntry(
                ar, en, props.GetValueOrDefault(TmxWriter.JobProp), props.GetValueOrDefault(TmxWriter.ArticleProp), props.GetValueOrDefault(TmxWriter.SentenceProp),
                props.GetValueOrDefault(TmxWriter.PromptProp), (string?)unit.Attribute("creationid") ?? importer, time));
        }

        return entries;
    }

    private static string? Segment(XElement unit, string language)
    {
        var variant = unit.Elements("tuv").FirstOrDefault(v =>
            ((string?)v.Attribute(Xml + "lang") ?? (string?)v.Attribute("lang") ?? string.Empty).Split('-', '_')[0].Equals(language, StringComparison.OrdinalIgnoreCase));
        return variant?.Element("seg") is { } seg ? TmKey.CollapseWhitespace(Text(seg)) : null;
    }

    private static string Text(XElement element) => string.Concat(element.Nodes().Select(n => n switch
    {
        XText text => text.Value,
        XElement { Name.LocalName: "hi" } hi => Text(hi),
        _ => string.Empty,
    }));
}

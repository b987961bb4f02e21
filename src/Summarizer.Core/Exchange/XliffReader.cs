using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Summarizer.Core.Store;

namespace Summarizer.Core.Exchange;

/// <summary>One unit of an imported XLIFF file: its target reduced to plain text and the review state its markup means.</summary>
/// <param name="Id">The unit id (<c>&lt;article&gt;:&lt;sentence&gt;</c> when it is one of ours).</param>
/// <param name="JobId">The job its file's <c>original</c> names, or null.</param>
/// <param name="Target">The target as plain text with whitespace collapsed, or null when the unit has none.</param>
/// <param name="State">The review state (<see cref="ReviewStates"/>) the unit's state attributes mean.</param>
/// <param name="Comment">Notes a reviewer added (any note export did not write), joined, or null.</param>
/// <param name="ReducedTags">The inline tags reduced to text, as <c>&lt;g&gt;</c>, <c>&lt;x/&gt;</c>, … (empty when none).</param>
public sealed record XliffUnit(string Id, string? JobId, string? Target, string State, string? Comment, IReadOnlyList<string> ReducedTags);

/// <summary>
/// Reads XLIFF 1.2 or 2.x as CAT tools write it back: units at any depth (inside <c>group</c>s), extra attributes and
/// elements of other namespaces ignored, inline markup reduced to its text (<c>g</c>, <c>mrk</c>, <c>pc</c> keep their
/// content; <c>x</c>, <c>bx</c>, <c>ex</c>, <c>ph</c>, <c>bpt</c>, <c>ept</c>, <c>it</c>, <c>sc</c>, <c>ec</c>, <c>sm</c>,
/// <c>em</c> are codes and drop out; <c>cp</c> becomes its character), whitespace collapsed, and several 2.x segments of
/// one unit joined.
/// </summary>
public static class XliffReader
{
    // Inline elements that stand for codes of the original format, not text: their content is native code.
    private static readonly HashSet<string> Codes = new(["x", "bx", "ex", "ph", "bpt", "ept", "it", "sub", "sc", "ec", "sm", "em"], StringComparer.Ordinal);

    /// <summary>Reads a file; throws a one-line <see cref="ExchangeException"/> when it is not XLIFF 1.2 or 2.x.</summary>
    public static IReadOnlyList<XliffUnit> Read(string path)
    {
        var root = ExchangeXml.Load(path, allowDoctype: false).Root!;
        var version = (string?)root.Attribute("version") ?? string.Empty;
        return (root.Name.LocalName, root.Name.NamespaceName) switch
        {
            ("xliff", ExchangeFormats.Xliff12Namespace) or ("xliff", "") when version.StartsWith("1.", StringComparison.Ordinal) => Read12(root),
            ("xliff", ExchangeFormats.Xliff2Namespace) when version.StartsWith("2.", StringComparison.Ordinal) => Read2(root),
            _ => throw new ExchangeException(
                $"{path} is not XLIFF 1.2 or 2.x (root <{root.Name.LocalName}>{(version.Length > 0 ? $" version {version}" : string.Empty)}): import reads XLIFF; use 'summarizer tm import' for TMX"),
        };
    }

    private static List<XliffUnit> Read12(XElement root)
    {
        var ns = root.Name.Namespace;
        var units = new List<XliffUnit>();
        foreach (var file in root.Elements(ns + "file"))
        {
            var job = UnitIds.JobOf((string?)file.Attribute("original"));
            foreach (var unit in file.Descendants(ns + "trans-unit"))
            {
                var reduced = new List<string>();
                var target = unit.Element(ns + "target");
                var text = target is null ? null : PlainText(target, reduced);
                var approved = (string?)unit.Attribute("approved") == "yes";
                var state = (string?)target?.Attribute("state");
                var reviewState = approved ? ReviewStates.Approved : state switch
                {
                    "final" or "signed-off" => ReviewStates.Reviewed,
                    { } s when s.StartsWith("needs-review", StringComparison.Ordinal) => ReviewStates.Rejected,
                    _ => ReviewStates.Translated,
                };
                var comment = Comment(unit.Elements(ns + "note").Where(n => !ReviewNote.Exported.Contains((string?)n.Attribute("from") ?? string.Empty)));
                units.Add(new XliffUnit((string?)unit.Attribute("id") ?? string.Empty, job, text, reviewState, comment, reduced));
            }
        }

        return units;
    }

    private static List<XliffUnit> Read2(XElement root)
    {
        var ns = root.Name.Namespace;
        var units = new List<XliffUnit>();
        foreach (var file in root.Elements(ns + "file"))
        {
            var job = UnitIds.JobOf((string?)file.Attribute("original"));
            foreach (var unit in file.Descendants(ns + "unit"))
            {
                var reduced = new List<string>();
                var segments = unit.Elements(ns + "segment").ToList();
                var targets = segments.Select(s => s.Element(ns + "target")).Where(t => t is not null).Select(t => PlainText(t!, reduced)).ToList();
                var text = targets.Count == 0 ? null : TmKey.CollapseWhitespace(string.Join(' ', targets));

                // A unit split into several segments is only as far along as its least advanced one.
                var states = segments.Select(s => ((string?)s.Attribute("state") ?? "initial", (string?)s.Attribute("subState"))).ToList();
                var reviewState = states.Count == 0 || states.Any(s => s.Item1 == "initial")
                    ? (text is null ? ReviewStates.Translated : ReviewStates.Rejected)
                    : states.Any(s => s.Item1 == "translated") ? ReviewStates.Translated
                    : states.Any(s => s.Item1 == "reviewed") ? ReviewStates.Reviewed
                    : ReviewStates.Approved;
                var notes = unit.Element(ns + "notes")?.Elements(ns + "note") ?? [];
                var comment = Comment(notes.Where(n => !ReviewNote.Exported.Contains((string?)n.Attribute("category") ?? string.Empty)));
                units.Add(new XliffUnit((string?)unit.Attribute("id") ?? string.Empty, job, text, reviewState, comment, reduced));
            }
        }

        return units;
    }

    /// <summary>Reduces an element's mixed content to plain text, naming every inline tag it dropped or unwrapped.</summary>
    private static string PlainText(XElement element, List<string> reduced)
    {
        var builder = new StringBuilder();
        Append(element, builder, reduced);
        return TmKey.CollapseWhitespace(builder.ToString());
    }

    private static void Append(XElement element, StringBuilder builder, List<string> reduced)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    builder.Append(text.Value);
                    break;
                case XElement inline when inline.Name.LocalName == "cp":
                    reduced.Add("<cp/>");
                    if (int.TryParse((string?)inline.Attribute("hex"), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) && code is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
                    {
                        builder.Append(ExchangeXml.Clean(char.ConvertFromUtf32(code)));
                    }

                    break;
                case XElement inline when Codes.Contains(inline.Name.LocalName):
                    reduced.Add(inline.IsEmpty ? $"<{inline.Name.LocalName}/>" : $"<{inline.Name.LocalName}>");
                    break;
                case XElement inline:
                    // g, mrk, pc, and elements of other namespaces: markup around text the reviewer wrote.
                    reduced.Add($"<{inline.Name.LocalName}>");
                    Append(inline, builder, reduced);
                    break;
            }
        }
    }

    private static string? Comment(IEnumerable<XElement> notes)
    {
        var texts = notes.Select(n => TmKey.CollapseWhitespace(n.Value)).Where(t => t.Length > 0).ToList();
        return texts.Count == 0 ? null : string.Join(" | ", texts);
    }
}

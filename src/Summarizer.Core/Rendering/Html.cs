using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Summarizer.Core.Rendering;

/// <summary>The one way text enters HTML: encoded. Article text, model answers and file names are all untrusted.</summary>
public static class Html
{
    // Markup characters (< > & " ' and +) are always encoded; letters of every script are kept as they are, so an Arabic
    // page stays readable as source (and the sample side-by-side page is 0.68 of its size with numeric entities).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Encodes text for element content and quoted attribute values.</summary>
    public static string Encode(string? text) => Encoder.Encode(text ?? string.Empty);

    /// <summary>
    /// Encodes a file name or other text that came with the input for display: controls and bidi overrides shown as
    /// escapes (<see cref="Ingest.PrintableText"/>), and the whole isolated in <c>&lt;bdi&gt;</c> so that even the
    /// direction of its own letters cannot reorder the text around it. An encoded U+202E would still be a U+202E to the
    /// browser, which is why escaping alone is not enough.
    /// </summary>
    public static string Name(string? text) => "<bdi>" + Encode(Ingest.PrintableText.Escape(text)) + "</bdi>";
}

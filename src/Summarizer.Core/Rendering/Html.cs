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
}

using System.Text.Encodings.Web;

namespace Summarizer.Core.Rendering;

/// <summary>The one way text enters HTML: encoded. Article text, model answers and file names are all untrusted.</summary>
public static class Html
{
    /// <summary>Encodes text for element content and quoted attribute values.</summary>
    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);
}

using Summarizer.Core.Outputs;
using System.Text;

namespace Summarizer.Core.Rendering;

/// <summary>
/// What every page of a job shares: a self-contained document (nothing loads from the network), a Content-Security-Policy,
/// one Arabic font stack, the provenance line and the reference-data banner.
/// </summary>
public static class HtmlPage
{
    /// <summary>The policy of pages without script: nothing from anywhere, inline styles only.</summary>
    public const string NoScriptPolicy = "default-src 'none'; style-src 'unsafe-inline'";

    /// <summary>Styles every page starts from.</summary>
    public const string BaseStyle = """
        :root { --ar: "Noto Naskh Arabic", "Amiri", "Scheherazade New", "Traditional Arabic", "DejaVu Sans", "Arial", sans-serif; }
        body { font: 15px/1.55 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
        .ar { direction: rtl; text-align: right; font-family: var(--ar); font-size: 17px; }
        .meta { color: #555; font-size: 12.5px; }
        .banner { background: #fff3cd; border: 1px solid #e0c36a; padding: 6px 10px; margin-top: 8px; font-size: 13px; }
        .error { color: #8a1c15; } .warning { color: #7a4d00; }
        :focus-visible { outline: 2px solid #174ea6; outline-offset: 1px; }
        @media print { a { color: inherit; text-decoration: none; } .no-print { display: none; } }
        """;

    /// <summary>Starts a page: everything up to and including <c>&lt;body&gt;</c>.</summary>
    /// <param name="title">The page title (encoded here).</param>
    /// <param name="policy">The Content-Security-Policy: a constant of this code, written as is.</param>
    /// <param name="style">The page's own styles, after <see cref="BaseStyle"/>.</param>
    public static StringBuilder Begin(string title, string policy, string style) =>
        new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(policy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Encode(title)).Append("</title>\n<style>").Append(BaseStyle).Append(style).Append("</style>\n</head>\n<body>\n");

    /// <summary>Gets the base64 SHA-256 of a script, the form a CSP <c>'sha256-…'</c> source takes.</summary>
    public static string Sha256(string script) => Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(script)));

    /// <summary>Appends the provenance line, and the banner when reference data made the output.</summary>
    public static StringBuilder AppendProvenance(this StringBuilder html, Provenance provenance)
    {
        html.Append("<div class=\"meta\">").Append(Html.Encode(provenance.OneLine)).Append("</div>\n");
        if (provenance.ReferenceData)
        {
            html.Append("<div class=\"banner\" role=\"note\">").Append(Html.Encode(Provenance.ReferenceBanner)).Append("</div>\n");
        }

        return html;
    }

    /// <summary>Appends a link whose address and text are both encoded.</summary>
    public static StringBuilder AppendLink(this StringBuilder html, string href, string text, string? title = null)
    {
        html.Append("<a href=\"").Append(Html.Encode(href)).Append('"');
        if (title is not null)
        {
            html.Append(" title=\"").Append(Html.Encode(title)).Append('"');
        }

        return html.Append('>').Append(Html.Encode(text)).Append("</a>");
    }
}

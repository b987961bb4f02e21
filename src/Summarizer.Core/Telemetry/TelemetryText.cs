using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Summarizer.Core.Telemetry;

/// <summary>What text a span may carry: identifiers as they are when plain ASCII, and content only when asked for.</summary>
internal static class TelemetryText
{
    /// <summary>
    /// An article id is a slug of its file name, which may be an Arabic headline: without content it is exported as a
    /// short hash, so no article text leaves through a name.
    /// </summary>
    public static string Identifier(string id, bool includeContent) =>
        includeContent || id.All(char.IsAscii)
            ? id
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..16];

    /// <summary>One message in the GenAI conventions' shape: <c>[{"role","parts":[{"type":"text","content"}]}]</c>.</summary>
    public static string Messages(string role, string content) => JsonSerializer.Serialize(new[]
    {
        new { role, parts = new[] { new { type = "text", content } } },
    });
}

using Summarizer.Core.Files;
using System.Text.Json;
using Summarizer.Core.Ingest;
using Summarizer.Core.Outputs;

namespace Summarizer.Cli.Rendering;

/// <summary>
/// The one way a command prints JSON on stdout: the output files' options, with bidi and other format characters from
/// file names written as JSON escapes, so a terminal showing the object is never reordered by a name in it.
/// </summary>
public static class CliJson
{
    /// <summary>Serialises a value as the one JSON object a command prints.</summary>
    public static string Serialize<T>(T value) => PrintableText.EscapeJson(JsonSerializer.Serialize(value, OutputJson.Options));
}

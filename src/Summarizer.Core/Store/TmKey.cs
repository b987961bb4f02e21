using System.Text;
using Summarizer.Core.Ingest;

namespace Summarizer.Core.Store;

/// <summary>
/// The key of the translation memory: an Arabic sentence normalised as ingest normalises text (<see cref="TextNormalizer"/>:
/// no invisible controls, tatweel or presentation forms) with its whitespace collapsed, so the same sentence scraped from
/// another page, or pasted back from a CAT tool, finds its approved English.
/// </summary>
public static class TmKey
{
    private static readonly TextNormalizer Normalizer = new();

    /// <summary>Returns the key of an Arabic sentence.</summary>
    public static string Of(string arabic) => CollapseWhitespace(Normalizer.Normalize(arabic));

    /// <summary>Collapses every run of whitespace to one space and trims the ends.</summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().TrimEnd(' ');
    }
}

using System.Reflection;

namespace Summarizer.Core.Exchange;

/// <summary>The review exchange formats and the XML names they share.</summary>
public static class ExchangeFormats
{
    /// <summary>XLIFF 1.2, what OmegaT, memoQ and Okapi import most reliably (the default).</summary>
    public const string Xliff12 = "xliff12";

    /// <summary>XLIFF 2.1.</summary>
    public const string Xliff2 = "xliff2";

    /// <summary>TMX 1.4b, a translation memory.</summary>
    public const string Tmx = "tmx";

    /// <summary>The namespace of XLIFF 1.2 documents.</summary>
    public const string Xliff12Namespace = "urn:oasis:names:tc:xliff:document:1.2";

    /// <summary>The namespace of XLIFF 2.0 and 2.1 documents (2.1 kept 2.0's).</summary>
    public const string Xliff2Namespace = "urn:oasis:names:tc:xliff:document:2.0";

    /// <summary>The source language of every job.</summary>
    public const string SourceLanguage = "ar";

    /// <summary>The target language of every job.</summary>
    public const string TargetLanguage = "en";

    /// <summary>The tool name written into exported files.</summary>
    public const string Tool = "summarizer";

    /// <summary>Gets the known formats.</summary>
    public static IReadOnlyList<string> All { get; } = [Xliff12, Xliff2, Tmx];

    /// <summary>Checks a format name; throws a one-line <see cref="ExchangeException"/> naming the known ones.</summary>
    public static string Require(string? format)
    {
        var name = (format ?? Xliff12).Trim().ToLowerInvariant();
        return All.Contains(name, StringComparer.Ordinal)
            ? name
            : throw new ExchangeException($"unknown format '{format}': use one of {string.Join(", ", All)}");
    }

    /// <summary>Gets the tool's version as written into exported files.</summary>
    public static string ToolVersion { get; } =
        (typeof(ExchangeFormats).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}

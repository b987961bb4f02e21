namespace Summarizer.Core.Segmentation;

/// <summary>Reads the built-in abbreviation list (<c>Abbreviations.txt</c>, embedded).</summary>
internal static class AbbreviationList
{
    private const string ResourceName = "Summarizer.Core.Segmentation.Abbreviations.txt";

    public static IReadOnlyList<string> Load()
    {
        using var stream = typeof(AbbreviationList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
    }
}

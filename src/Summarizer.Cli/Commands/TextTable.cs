namespace Summarizer.Cli.Commands;

/// <summary>Writes rows as plain aligned columns under a header: readable in a terminal, and still one line per row for grep.</summary>
internal static class TextTable
{
    /// <summary>Writes the header and rows, each column as wide as its widest cell.</summary>
    public static void Write(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToList();
        foreach (var row in all)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Count - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}

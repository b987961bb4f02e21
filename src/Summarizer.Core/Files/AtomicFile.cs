using System.Text;

namespace Summarizer.Core.Files;

/// <summary>Writes a file through a temporary file and a rename, so a crash never leaves a half-written artifact that looks complete.</summary>
public static class AtomicFile
{
    private const string TemporarySuffix = ".partial";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Deletes temporary files a killed writer left in a folder (they were never renamed, so never complete).</summary>
    public static int RemoveLeftovers(string folder)
    {
        var leftovers = Directory.GetFiles(folder, "*" + TemporarySuffix, SearchOption.AllDirectories);
        foreach (var file in leftovers)
        {
            File.Delete(file);
        }

        return leftovers.Length;
    }

    /// <summary>Writes UTF-8 text (no BOM) atomically, creating the folder when needed.</summary>
    public static void WriteAllText(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Guid.NewGuid():N}{TemporarySuffix}";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = Utf8.GetBytes(text);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}

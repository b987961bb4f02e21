namespace Summarizer.Core.Ingest;

/// <summary>Expands the paths a user names into the article files to read, recursively and in a stable order.</summary>
public sealed class ArticleFileFinder
{
    /// <summary>Finds the files. A named file is always kept (ingest rejects unsupported types with a reason);
    /// inside a folder only supported types are taken, and hidden folders are skipped.</summary>
    public ArticleFiles Find(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                Add(path);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in EnumerateFolder(path))
                {
                    Add(file);
                }
            }
            else
            {
                missing.Add(path);
            }
        }

        return new ArticleFiles(files, missing);

        void Add(string file)
        {
            if (seen.Add(Path.GetFullPath(file)))
            {
                files.Add(file);
            }
        }
    }

    private static IEnumerable<string> EnumerateFolder(string folder)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            IgnoreInaccessible = true,
        };
        return Directory.EnumerateFiles(folder, "*", options)
            .Where(f => ArticleIngestor.SupportedExtensions.Contains(Path.GetExtension(f)))
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal);
    }
}

/// <summary>The files found for a set of paths, and the paths that do not exist.</summary>
public sealed record ArticleFiles(IReadOnlyList<string> Files, IReadOnlyList<string> Missing);

namespace Summarizer.Core.Ingest;

/// <summary>Expands the paths a user names into the article files to read, recursively and in a stable order.</summary>
/// <remarks>
/// Links are followed, but every folder is entered and every file listed once, by identity rather than by name: a link
/// back up the tree (a loop) is followed at most once, and a file reached by two links is read once. FIFOs, sockets and
/// devices are listed like files so that ingest rejects them, with a reason, without ever opening them.
/// </remarks>
public sealed class ArticleFileFinder
{
    /// <summary>Finds the files. A named file is always kept (ingest rejects unsupported types with a reason);
    /// inside a folder only supported types are taken, and hidden entries are skipped.</summary>
    public ArticleFiles Find(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<string>();
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var seenFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var facts = FileFacts.Of(path);
            if (facts.Kind == FileKind.Missing)
            {
                missing.Add(path);
            }
            else if (facts.Kind == FileKind.Directory)
            {
                foreach (var (file, fileFacts) in EnumerateFolder(path, facts, seenFolders).OrderBy(f => f.Path, StringComparer.Ordinal))
                {
                    Add(file, fileFacts);
                }
            }
            else
            {
                Add(path, facts);
            }
        }

        return new ArticleFiles(files, missing);

        void Add(string file, FileFacts facts)
        {
            if (seenFiles.Add(facts.Identity))
            {
                files.Add(file);
            }
        }
    }

    private static List<(string Path, FileFacts Facts)> EnumerateFolder(string root, FileFacts rootFacts, HashSet<string> seenFolders)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            IgnoreInaccessible = true,
        };
        var found = new List<(string, FileFacts)>();

        // An explicit stack rather than recursion: a deep tree must not exhaust the call stack.
        var folders = new Stack<(string Path, FileFacts Facts)>();
        folders.Push((root, rootFacts));
        while (folders.TryPop(out var folder))
        {
            if (!seenFolders.Add(folder.Facts.Identity))
            {
                continue;
            }

            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(folder.Path, "*", options).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (Path.GetFileName(entry).StartsWith('.'))
                {
                    continue;
                }

                var facts = FileFacts.Of(entry);
                if (facts.Kind == FileKind.Directory)
                {
                    if (facts.IdentityIsExact || new DirectoryInfo(entry).LinkTarget is null)
                    {
                        folders.Push((entry, facts));
                    }
                }
                else if (ArticleIngestor.SupportedExtensions.Contains(Path.GetExtension(entry)))
                {
                    found.Add((entry, facts));
                }
            }
        }

        return found;
    }
}

/// <summary>The files found for a set of paths, and the paths that do not exist.</summary>
public sealed record ArticleFiles(IReadOnlyList<string> Files, IReadOnlyList<string> Missing);

using System.Security.Cryptography;

namespace Summarizer.Core.Jobs;

/// <summary>
/// A job's input paths exactly as the user gave them, and the folder they were given in. Files are found through the
/// resolved paths, but every path a job records or shows (manifest, pages, stderr) keeps the form it was given in, so a
/// job started with <c>samples/articles</c> still says <c>samples/articles/…</c> when it is resumed from elsewhere.
/// </summary>
/// <remarks>A class, not a record: it keeps each file's hash for the run, which is no part of its value.</remarks>
/// <param name="given">The paths as given.</param>
/// <param name="baseDirectory">The absolute folder relative paths were given in.</param>
public sealed class JobInputs(IReadOnlyList<string> given, string baseDirectory)
{
    /// <summary>Gets the paths as given.</summary>
    public IReadOnlyList<string> Given { get; } = given;

    /// <summary>Gets the absolute folder relative paths were given in.</summary>
    public string BaseDirectory { get; } = baseDirectory;

    /// <summary>Gets the paths to look for files in: as given when the base is the current folder, else resolved against it.</summary>
    public IReadOnlyList<string> ToSearch =>
        IsCurrentFolder ? Given : Given.Select(p => Path.GetFullPath(p, BaseDirectory)).ToList();

    private bool IsCurrentFolder => string.Equals(
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(BaseDirectory)),
        Path.TrimEndingDirectorySeparator(Environment.CurrentDirectory),
        StringComparison.Ordinal);

    /// <summary>Gets a found file in the form its path was given in (relative paths stay relative).</summary>
    public string Display(string file)
    {
        if (!Path.IsPathRooted(file))
        {
            return file;
        }

        foreach (var given in Given.Where(g => !Path.IsPathRooted(g)))
        {
            var resolved = Path.TrimEndingDirectorySeparator(Path.GetFullPath(given, BaseDirectory));
            if (string.Equals(file, resolved, StringComparison.Ordinal))
            {
                return given;
            }

            if (file.StartsWith(resolved + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return Path.Join(given, Path.GetRelativePath(resolved, file));
            }
        }

        return file;
    }

    /// <summary>Gets the absolute file behind a displayed path.</summary>
    public string Locate(string displayed) => Path.GetFullPath(displayed, BaseDirectory);

    // A JSON file holding many articles is asked for once per article: each file is read and hashed once per run.
    private readonly Dictionary<string, string?> _hashes = new(StringComparer.Ordinal);

    /// <summary>Returns the SHA-256 of a file's bytes, or <see langword="null"/> when it no longer exists.</summary>
    public string? Sha256(string displayed)
    {
        var path = Locate(displayed);
        lock (_hashes)
        {
            if (!_hashes.TryGetValue(path, out var hash))
            {
                _hashes[path] = hash = Hash(path);
            }

            return hash;
        }
    }

    private static string? Hash(string path)
    {
        // Only regular files are read: a FIFO would block the read forever, a device might never end.
        if (Ingest.FileFacts.Of(path).Kind != Ingest.FileKind.Regular)
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

using System.Text;

namespace Summarizer.Testing;

/// <summary>A temporary folder deleted on dispose, with helpers to write test files into it.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Initializes a new instance of the <see cref="TempFolder"/> class.</summary>
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("summarizer-tests-").FullName;
    }

    /// <summary>Gets the folder path.</summary>
    public string Path { get; }

    /// <summary>Copies every file of a folder (recursively) into this one; returns this folder.</summary>
    public TempFolder CopyFrom(string source)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            WriteBytes(System.IO.Path.GetRelativePath(source, file), File.ReadAllBytes(file));
        }

        return this;
    }

    /// <summary>Writes UTF-8 text (no BOM) and returns the file path.</summary>
    public string Write(string name, string text) => WriteBytes(name, new UTF8Encoding(false).GetBytes(text));

    /// <summary>Writes bytes and returns the file path.</summary>
    public string WriteBytes(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a failed test must not hide that test's own failure.
        }
    }
}

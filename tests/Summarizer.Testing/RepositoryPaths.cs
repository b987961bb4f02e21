namespace Summarizer.Testing;

/// <summary>Finds the repository and the shared corpus from wherever a test or benchmark binary runs.</summary>
public static class RepositoryPaths
{
    /// <summary>Gets the repository root: the nearest folder above the binary holding Summarizer.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Gets the folder of the five real scraped seed articles (<c>../shared/corpus/seeds</c> beside the repository).</summary>
    public static string Seeds => Existing(Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "seeds")));

    /// <summary>Gets the project's own sample articles.</summary>
    public static string SampleArticles => Existing(Path.Combine(Root, "samples", "articles"));

    /// <summary>Gets the path of one seed article by its number prefix (000..004).</summary>
    public static string Seed(string prefix) =>
        Directory.GetFiles(Seeds, prefix + "_*.txt").Single();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Summarizer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Summarizer.sln not found above {AppContext.BaseDirectory}.");
    }

    private static string Existing(string folder) => Directory.Exists(folder)
        ? folder
        : throw new DirectoryNotFoundException($"Expected folder {folder} (the shared corpus sits beside the repository).");
}

using System.Text.Json;
using Summarizer.Core.Jobs;
using Summarizer.Core.Rendering;

namespace Summarizer.Core.Prompts;

/// <summary>
/// <c>prompts/prompts.lock</c>: the SHA-256 of every published prompt version (one that a job has used). A published
/// file must never change: re-runs and diffs compare runs by prompt version, which only works if a version means
/// one text forever.
/// </summary>
public sealed class PromptLock(string path)
{
    private readonly Lock _gate = new();

    /// <summary>Gets the lock file.</summary>
    public string Path { get; } = path;

    /// <summary>Returns the locked hash of a version, or <see langword="null"/> when it is not published.</summary>
    public string? HashOf(string stage, int version)
    {
        lock (_gate)
        {
            return Read().GetValueOrDefault(stage)?.GetValueOrDefault(Label(version));
        }
    }

    /// <summary>Lists every published version with its hash.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> All()
    {
        lock (_gate)
        {
            return Read();
        }
    }

    /// <summary>Records a version as published; returns true when it was new.</summary>
    public bool Publish(string stage, int version, string sha256)
    {
        lock (_gate)
        {
            var entries = Read();
            if (!entries.TryGetValue(stage, out var versions))
            {
                entries[stage] = versions = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            if (versions.ContainsKey(Label(version)))
            {
                return false;
            }

            versions[Label(version)] = sha256;
            var ordered = entries.OrderBy(e => e.Key, StringComparer.Ordinal)
                .ToDictionary(e => e.Key, e => e.Value.OrderBy(v => int.Parse(v.Key[1..], System.Globalization.CultureInfo.InvariantCulture)).ToDictionary(v => v.Key, v => v.Value));
            AtomicFile.WriteAllText(Path, JsonSerializer.Serialize(ordered, OutputJson.Options) + "\n");
            return true;
        }
    }

    private Dictionary<string, Dictionary<string, string>> Read() => File.Exists(Path)
        ? JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(Path)) ?? []
        : [];

    private static string Label(int version) => "v" + version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

using Summarizer.Core.Files;
using System.Text.Json;

namespace Summarizer.Core.Prompts;

/// <summary>
/// <c>prompts/prompts.lock</c>: the SHA-256 of every published prompt version (one that a job has used). A published
/// file must never change: re-runs and diffs compare runs by prompt version, which only works if a version means
/// one text forever.
/// </summary>
public sealed partial class PromptLock(string path)
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

    /// <exception cref="PromptException">The lock is not a JSON object of stage → {"vN": sha256}.</exception>
    private Dictionary<string, Dictionary<string, string>> Read()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        try
        {
            var entries = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(Path)) ?? [];
            var bad = entries.SelectMany(e => e.Value.Select(v => (Stage: e.Key, Version: v.Key, Hash: v.Value)))
                .FirstOrDefault(v => !VersionLabel().IsMatch(v.Version) || !Sha256Hex().IsMatch(v.Hash ?? string.Empty));
            return bad.Stage is null
                ? entries
                : throw new PromptException($"prompt lock ({Path}): {bad.Stage} '{bad.Version}' is not a version (vN) with a SHA-256. Restore the file from version control (git checkout -- {Path})");
        }
        catch (JsonException ex)
        {
            // Never rewrite it: the lock is the record of which prompt texts jobs used.
            throw new PromptException($"prompt lock ({Path}) is not valid ({(ex.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) ? "a value has the wrong type" : ex.Message.Split(" Path:")[0].TrimEnd('.'))}{(ex.Path is null ? string.Empty : " at " + ex.Path)}): it must map each stage to {{\"vN\": \"<sha256>\"}}. Restore it from version control (git checkout -- {Path})");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^v[1-9][0-9]*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex VersionLabel();

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-f]{64}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Sha256Hex();

    private static string Label(int version) => "v" + version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

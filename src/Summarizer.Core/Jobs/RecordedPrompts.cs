using System.Globalization;
using System.Text.Json;
using Summarizer.Core.Prompts;
using Summarizer.Core.Store;
using Summarizer.Core.Outputs;

namespace Summarizer.Core.Jobs;

/// <summary>
/// The prompt file hashes the store's jobs recorded, per stage and version. They decide whether a version missing from
/// <c>prompts.lock</c> (the lock was deleted, or lost an entry) may be locked again: only the text some job used may be.
/// </summary>
public sealed class RecordedPrompts
{
    private readonly Dictionary<(string Stage, int Version), HashSet<string>> _hashes = [];

    /// <summary>Reads every job's hashes: from its stored request, or from its manifest for jobs recorded before requests kept them.</summary>
    public static RecordedPrompts From(JobStore store)
    {
        var recorded = new RecordedPrompts();
        foreach (var job in store.ListJobs())
        {
            var request = StoredRequest.FromJson(job.Request);
            if (request.PromptHashes is { } hashes)
            {
                foreach (var (stage, sha) in hashes)
                {
                    if (request.PromptVersions.TryGetValue(stage, out var version))
                    {
                        recorded.Add(stage, version, sha);
                    }
                }
            }
            else
            {
                recorded.AddFromManifest(new JobFolder(job.Directory));
            }
        }

        return recorded;
    }

    /// <summary>
    /// Locks each prompt that is not locked yet, unless jobs used that version with other text. The store's jobs are
    /// read only when a version is missing from the lock, which on a healthy lock is never.
    /// </summary>
    /// <exception cref="PromptException">A published version's file differs from every text jobs used.</exception>
    public static void PublishOrRefuse(JobStore store, PromptLibrary library, IEnumerable<StagePrompt> prompts)
    {
        RecordedPrompts? recorded = null;
        foreach (var prompt in prompts)
        {
            if (library.Lock.HashOf(prompt.Stage, prompt.Version) is null
                && (recorded ??= From(store))._hashes.TryGetValue((prompt.Stage, prompt.Version), out var used) && !used.Contains(prompt.Sha256))
            {
                throw new PromptException(
                    $"{prompt.Path} was edited after it was published (jobs used sha256 {string.Join(", ", used.Select(h => h[..12] + "…"))}; the file is {prompt.Sha256[..12]}…), " +
                    $"and {library.Lock.Path} no longer holds it: restore the file as jobs used it and write the next version instead (summarizer prompts new {prompt.Stage})");
            }

            library.Publish(prompt);
        }
    }

    private void Add(string stage, int version, string sha)
    {
        if (!_hashes.TryGetValue((stage, version), out var set))
        {
            _hashes[(stage, version)] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(sha);
    }

    private void AddFromManifest(JobFolder folder)
    {
        if (!folder.HasManifest)
        {
            return;
        }

        try
        {
            // Written by older builds too: a prompt missing a field, or a version that is not vN, holds nothing.
            foreach (var prompt in folder.ReadManifest().Provenance?.Prompts ?? [])
            {
                if (prompt is { Stage: { } stage, Version: { } label, Sha256: { } sha }
                    && int.TryParse(label.TrimStart('v'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                {
                    Add(stage, version, sha);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or JsonException or NotSupportedException)
        {
            // A manifest this code cannot read records nothing it can hold a prompt to.
        }
    }
}

using Microsoft.Extensions.Options;
using Summarizer.Core.Ingest;
using Summarizer.Core.Stages;

using Summarizer.Core.Engines;

namespace Summarizer.Core.EngineSetup;

/// <summary>Loads the reference engine's prepared data once, indexed by the folded Arabic of each sentence.</summary>
public sealed class ReferenceDataStore(IOptions<EngineOptions> options)
{
    private readonly Lazy<Loaded> _data = new(() => Load(options.Value.ReferenceData));

    /// <summary>Gets the folder the data comes from.</summary>
    public string Folder => ResolveFolder(options.Value.ReferenceData);

    /// <summary>Gets the prepared articles.</summary>
    public IReadOnlyList<ReferenceArticle> Articles => _data.Value.Articles;

    /// <summary>Gets the prepared briefing, or <see langword="null"/> when there is none.</summary>
    public ReferenceBriefing? Briefing => _data.Value.Briefing;

    /// <summary>Finds the article and sentence whose Arabic matches.</summary>
    public (ReferenceArticle Article, ReferenceSentence Sentence)? FindSentence(string arabic) =>
        _data.Value.BySentence.TryGetValue(ArabicScript.FoldForMatching(arabic).Trim(), out var hit) ? hit : null;

    private static Loaded Load(string folder)
    {
        var resolved = ResolveFolder(folder);
        if (!Directory.Exists(resolved))
        {
            return new Loaded([], null, []);
        }

        var articles = Directory.EnumerateFiles(resolved, "*.json")
            .Where(f => !string.Equals(Path.GetFileName(f), "briefing.json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => StageJson.Deserialize<ReferenceArticle>(File.ReadAllText(f)))
            .ToList();
        var briefingPath = Path.Combine(resolved, "briefing.json");
        var briefing = File.Exists(briefingPath) ? StageJson.Deserialize<ReferenceBriefing>(File.ReadAllText(briefingPath)) : null;
        var index = new Dictionary<string, (ReferenceArticle, ReferenceSentence)>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            foreach (var sentence in article.Sentences)
            {
                index.TryAdd(ArabicScript.FoldForMatching(sentence.Ar).Trim(), (article, sentence));
            }
        }

        return new Loaded(articles, briefing, index);
    }

    private static string ResolveFolder(string folder)
    {
        if (Path.IsPathRooted(folder))
        {
            return folder;
        }

        var local = Path.GetFullPath(folder);
        return Directory.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, folder);
    }

    private sealed record Loaded(
        IReadOnlyList<ReferenceArticle> Articles,
        ReferenceBriefing? Briefing,
        Dictionary<string, (ReferenceArticle, ReferenceSentence)> BySentence);
}

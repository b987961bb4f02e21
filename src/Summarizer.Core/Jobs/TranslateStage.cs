using System.Text.Json.Nodes;
using Summarizer.Core.Chunking;
using Summarizer.Core.Engines;
using Summarizer.Core.Ingest;
using Summarizer.Core.Outputs;
using Summarizer.Core.Planning;
using Summarizer.Core.Prompts;
using Summarizer.Core.Segmentation;
using Summarizer.Core.Stages;
using Summarizer.Core.Validation;

namespace Summarizer.Core.Jobs;

/// <summary>
/// Translate, for one article: each chunk with its read-only context, one after another when the context carries the
/// English before it, else all at once; given English (a reviewer's, the memory's) replaces the model's. Returns one
/// immutable <see cref="ArticleTranslation"/>.
/// </summary>
internal sealed class TranslateStage(StageItems items, Glossary glossary, int contextSentences, bool englishContext)
{
    /// <summary>Translates every chunk: one after another when each needs the English before it, else all at once.</summary>
    public async Task<ArticleTranslation> RunAsync(Article article, IReadOnlyList<Sentence> sentences, IReadOnlyList<Chunk> chunks, ArticleOverrides overrides, CancellationToken cancellationToken)
    {
        Task<ArticleTranslation> Chunk(Chunk chunk, ArticleTranslation before) =>
            chunk.Sentences.All(s => overrides.Sentences.ContainsKey(s.Id))
                ? Task.FromResult(Skipped(chunk.Sentences, overrides))
                : TranslatePartAsync(article, sentences, chunk.Id, chunk.Sentences, chunk.Context, before, overrides, cancellationToken);

        if (!englishContext || contextSentences == 0)
        {
            var parts = await Task.WhenAll(chunks.Select(chunk => Chunk(chunk, ArticleTranslation.None))).ConfigureAwait(false);
            return parts.Aggregate(ArticleTranslation.None, (all, next) => all.Then(next));
        }

        var translation = ArticleTranslation.None;
        foreach (var chunk in chunks)
        {
            translation = translation.Then(await Chunk(chunk, translation).ConfigureAwait(false));
        }

        return translation;
    }

    /// <summary>A chunk whose every sentence has its English already makes no call; it counts as done for the progress bar.</summary>
    private ArticleTranslation Skipped(IReadOnlyList<Sentence> sentences, ArticleOverrides overrides)
    {
        items.Progress.CallFinished(StageNames.Translate);
        return Overridden(sentences, overrides);
    }

    /// <summary>Sentences whose English is given, with the same glossary check as the model's English.</summary>
    private ArticleTranslation Overridden(IReadOnlyList<Sentence> sentences, ArticleOverrides overrides)
    {
        var part = sentences.ToDictionary(s => s.Id, s => overrides.Sentences[s.Id], StringComparer.Ordinal);
        return new ArticleTranslation(part.ToDictionary(p => p.Key, p => p.Value.English, StringComparer.Ordinal), new StageNotes([], [.. sentences.SelectMany(s => GlossaryFlags(s, part[s.Id].English))], []))
        {
            ContextEnglish = part.ToDictionary(p => p.Key, p => p.Value.ContextEnglish ?? p.Value.English, StringComparer.Ordinal),
            Origins = part.ToDictionary(p => p.Key, p => p.Value.Origin, StringComparer.Ordinal),
        };
    }

    private IEnumerable<(string, Flag)> GlossaryFlags(Sentence sentence, string english) =>
        glossary.Missing(sentence.Text, english).Select(term => (sentence.Id, new Flag(FlagCodes.GlossaryMissing, Severities.Warning, $"\"{term.Ar}\" should be rendered \"{term.En}\"")));

    /// <summary>Translates some sentences, given the article's translation so far (for the context's English).</summary>
    private async Task<ArticleTranslation> TranslatePartAsync(
        Article article, IReadOnlyList<Sentence> all, string label, IReadOnlyList<Sentence> sentences, IReadOnlyList<Sentence> context, ArticleTranslation before, ArticleOverrides overrides, CancellationToken cancellationToken)
    {
        var arabic = string.Join('\n', sentences.Select(s => s.Text));
        var terms = glossary.Find(arabic);
        var input = new JsonObject
        {
            ["title"] = article.Title,
            ["sentences"] = StageItems.ToJson(sentences.Select(s => new TranslateSentence(s.Id, s.Text))),
            ["context"] = StageItems.ToJson(context.Select(s => new ContextSentence(s.Id, s.Text, englishContext ? before.ContextEnglish.GetValueOrDefault(s.Id, string.Empty) : string.Empty))),
            ["glossary"] = StageItems.ToJson(terms.Select(t => new GlossaryEntry(t.Ar, t.En))),
        };
        var ids = sentences.Select(s => s.Id).ToList();
        StageCallResult<TranslateOutput> result;
        try
        {
            result = await items.CallAsync<TranslateOutput>(StageNames.Translate, input, output => StageValidator.Translation(ids, output), cancellationToken).ConfigureAwait(false);
        }
        catch (EngineCallException ex) when (items.ShouldSplit(ex, sentences.Count))
        {
            items.Split(StageNames.Translate);
            var (first, second) = StageItems.Halves(sentences);
            var firstPart = await TranslatePartAsync(article, all, label + "a", first, context, before, overrides, cancellationToken).ConfigureAwait(false);
            var secondPart = await TranslatePartAsync(article, all, label + "b", second, ContextBefore(all, second[0]), before.Then(firstPart), overrides, cancellationToken).ConfigureAwait(false);
            return firstPart.Then(secondPart);
        }
        catch (EngineCallException ex) when (StageErrorCodes.EndsItem(ex.Code))
        {
            // The sentences that have their English still get it; the rest are reported as the filter or cut-off left them.
            var stopped = new ArticleTranslation(new Dictionary<string, string>(StringComparer.Ordinal), items.Stopped(article, StageNames.Translate, label, sentences, ex));
            var given = sentences.Where(s => overrides.Sentences.ContainsKey(s.Id)).ToList();
            return given.Count == 0 ? stopped : stopped.Then(Overridden(given, overrides));
        }

        var byId = (result.Output?.Translations ?? [])
            .Where(t => !string.IsNullOrWhiteSpace(t.En))
            .GroupBy(t => t.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().En, StringComparer.Ordinal);
        var english = new Dictionary<string, string>(StringComparer.Ordinal);
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new List<(string, Flag)>();
        var failures = new List<Failure>();
        foreach (var sentence in sentences)
        {
            if (overrides.Sentences.TryGetValue(sentence.Id, out var given))
            {
                // A reviewer's (or the memory's) English replaces the model's and is checked as the model's would be.
                english[sentence.Id] = given.English;
                origins[sentence.Id] = given.Origin;
                flags.AddRange(GlossaryFlags(sentence, given.English));
            }
            else if (byId.TryGetValue(sentence.Id, out var en))
            {
                english[sentence.Id] = en;
                flags.AddRange(GlossaryFlags(sentence, en));
            }
            else
            {
                var reason = result.Errors.Count > 0 ? string.Join("; ", result.Errors) : "no translation returned";
                flags.Add((sentence.Id, new Flag(FlagCodes.TranslationFailed, Severities.Error, reason)));
                failures.Add(new Failure(article.Id, StageNames.Translate, sentence.Id, reason));
            }
        }

        // Later chunks see the model's own English as context, wherever it gave one.
        var contextEnglish = new Dictionary<string, string>(english, StringComparer.Ordinal);
        foreach (var (id, en) in byId.Where(t => origins.ContainsKey(t.Key)))
        {
            contextEnglish[id] = en;
        }

        return new ArticleTranslation(english, new StageNotes(failures, flags, [])) { ContextEnglish = contextEnglish, Origins = origins };
    }

    /// <summary>The read-only context of a split-off half: the configured number of sentences just before it, as for a chunk.</summary>
    private List<Sentence> ContextBefore(IReadOnlyList<Sentence> all, Sentence first)
    {
        var index = all.ToList().FindIndex(s => s.Id == first.Id);
        var count = Math.Min(contextSentences, index);
        return all.Skip(index - count).Take(count).ToList();
    }
}

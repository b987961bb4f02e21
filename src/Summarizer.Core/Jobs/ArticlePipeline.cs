using System.Globalization;
using System.Text.Json.Nodes;
using Summarizer.Core.Chunking;
using Summarizer.Core.Engines;
using Summarizer.Core.Ingest;
using Summarizer.Core.Outputs;
using Summarizer.Core.Planning;
using Summarizer.Core.Prompts;
using Summarizer.Core.Segmentation;
using Summarizer.Core.Stages;
using Summarizer.Core.Telemetry;
using Summarizer.Core.Validation;

namespace Summarizer.Core.Jobs;

/// <summary>
/// Runs one article through its stage calls and returns what it produced, built once: translate (each chunk with the
/// sentences before it as read-only context), summarize (every chunk at once, results joined in reading order), then
/// merge. Each stage returns an immutable result; nothing is shared between calls that run at the same time.
/// </summary>
/// <remarks>
/// The calls form a graph: translate chunk k needs the English of chunk k−1 only when the context carries English
/// (<paramref name="englishContext"/> and context sentences &gt; 0), so otherwise every chunk translates at once;
/// summarize chunk k needs translate chunk k; merge needs every summarize. Which of the ready calls are sent, and when,
/// is the stage callers' scheduler's business (see docs/architecture.md).
/// <para>
/// Overrides (a reviewer's edits, translation-memory matches) replace the model's English of some sentences: a chunk
/// whose sentences all have one makes no translate call; any other chunk's call is made exactly as without them (so it
/// is a cache hit when nothing else changed) and the overrides replace its answers. Summarize sees the final English,
/// so only chunks with replaced sentences get a new summarize input. Rejected claims are left out before merge and
/// after it.
/// </para>
/// </remarks>
public sealed class ArticlePipeline(
    StageCallers callers,
    Glossary glossary,
    IJobProgress progress,
    FilterPolicy onFilter = FilterPolicy.Mark,
    int contextSentences = 2,
    bool englishContext = true)
{
    /// <summary>Runs the article's stages; engine errors end the article with a reason, other articles go on.</summary>
    public Task<ArticleResult> RunAsync(Article article, IReadOnlyList<Sentence> sentences, IReadOnlyList<Chunk> chunks, CancellationToken cancellationToken) =>
        RunAsync(article, sentences, chunks, ArticleOverrides.None, cancellationToken);

    /// <summary>Runs the article's stages with some sentences' English and some rejected claims given (see remarks).</summary>
    public async Task<ArticleResult> RunAsync(Article article, IReadOnlyList<Sentence> sentences, IReadOnlyList<Chunk> chunks, ArticleOverrides overrides, CancellationToken cancellationToken)
    {
        using var telemetry = SummarizerTelemetry.StartArticle(article.Id, chunks.Count);
        var result = await RunStagesAsync(article, sentences, chunks, overrides, cancellationToken).ConfigureAwait(false);
        telemetry.Finish(result.Status);
        return result;
    }

    private async Task<ArticleResult> RunStagesAsync(Article article, IReadOnlyList<Sentence> sentences, IReadOnlyList<Chunk> chunks, ArticleOverrides overrides, CancellationToken cancellationToken)
    {
        var translation = ArticleTranslation.None;
        var chunkClaims = ChunkClaims.None;
        try
        {
            translation = await TranslateAsync(article, sentences, chunks, overrides, cancellationToken).ConfigureAwait(false);

            // Chunks are summarised at once; their results are joined in chunk order, not in the order they arrive.
            chunkClaims = (await Task.WhenAll(chunks.Select(chunk => SummarizeAsync(article, chunk.Id, chunk.Sentences, translation.English, cancellationToken))).ConfigureAwait(false))
                .Aggregate(ChunkClaims.None, (all, next) => all.Then(next));
            var kept = chunkClaims.Claims.Where(c => !overrides.IsRejected(c.En, c.Sources)).ToList();
            var summary = await MergeAsync(article, sentences, kept, overrides, cancellationToken).ConfigureAwait(false);
            var notes = translation.Notes.Then(chunkClaims.Notes).Then(summary.Notes);
            var status = summary.FailedReason is not null ? JobStatuses.Failed : notes.Failures.Count > 0 ? JobStatuses.Partial : JobStatuses.Done;
            return Result(article, sentences, chunks.Count, translation, notes, summary.Summary, summary.Claims, status, summary.FailedReason);
        }
        catch (EngineCallException ex)
        {
            return Failed(article, sentences, chunks.Count, translation, chunkClaims, ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the user's Ctrl+C: the HTTP attempt timed out.
            return Failed(article, sentences, chunks.Count, translation, chunkClaims, "the model call timed out");
        }
    }

    /// <summary>An article an engine error ended: what its finished stages produced stays, with the reason.</summary>
    private static ArticleResult Failed(Article article, IReadOnlyList<Sentence> sentences, int chunks, ArticleTranslation translation, ChunkClaims chunkClaims, string reason)
    {
        var notes = translation.Notes.Then(chunkClaims.Notes).Then(StageNotes.Of(new Failure(article.Id, "engine", "article", reason)));
        return Result(article, sentences, chunks, translation, notes, null, [], JobStatuses.Failed, reason);
    }

    private static ArticleResult Result(
        Article article, IReadOnlyList<Sentence> sentences, int chunks, ArticleTranslation translation, StageNotes notes, MergeOutput? summary, IReadOnlyList<Claim> claims, string status, string? reason)
    {
        var flags = notes.Flags
            .GroupBy(f => f.Sentence, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Flag>)g.Select(f => f.Flag).ToList(), StringComparer.Ordinal);
        return new ArticleResult(article, sentences, chunks, translation.English, flags, summary, claims, notes.Filtered, notes.Failures, status, reason)
        {
            Origins = translation.Origins,
        };
    }

    /// <summary>Translates every chunk: one after another when each needs the English before it, else all at once.</summary>
    private async Task<ArticleTranslation> TranslateAsync(Article article, IReadOnlyList<Sentence> sentences, IReadOnlyList<Chunk> chunks, ArticleOverrides overrides, CancellationToken cancellationToken)
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
        progress.CallFinished(StageNames.Translate);
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
            ["sentences"] = ToJson(sentences.Select(s => new TranslateSentence(s.Id, s.Text))),
            ["context"] = ToJson(context.Select(s => new ContextSentence(s.Id, s.Text, englishContext ? before.ContextEnglish.GetValueOrDefault(s.Id, string.Empty) : string.Empty))),
            ["glossary"] = ToJson(terms.Select(t => new GlossaryEntry(t.Ar, t.En))),
        };
        var ids = sentences.Select(s => s.Id).ToList();
        StageCallResult<TranslateOutput> result;
        try
        {
            result = await CallAsync<TranslateOutput>(StageNames.Translate, input, output => StageValidator.Translation(ids, output), cancellationToken).ConfigureAwait(false);
        }
        catch (EngineCallException ex) when (ShouldSplit(ex, sentences.Count))
        {
            callers.Translate.Usage.AddSplit();
            var (first, second) = Halves(sentences);
            var firstPart = await TranslatePartAsync(article, all, label + "a", first, context, before, overrides, cancellationToken).ConfigureAwait(false);
            var secondPart = await TranslatePartAsync(article, all, label + "b", second, ContextBefore(all, second[0]), before.Then(firstPart), overrides, cancellationToken).ConfigureAwait(false);
            return firstPart.Then(secondPart);
        }
        catch (EngineCallException ex) when (StageErrorCodes.EndsItem(ex.Code))
        {
            // The sentences that have their English still get it; the rest are reported as the filter or cut-off left them.
            var stopped = new ArticleTranslation(new Dictionary<string, string>(StringComparer.Ordinal), Stopped(article, StageNames.Translate, label, sentences, ex));
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

    /// <summary>Summarises some sentences from their Arabic and English.</summary>
    private async Task<ChunkClaims> SummarizeAsync(Article article, string label, IReadOnlyList<Sentence> sentences, IReadOnlyDictionary<string, string> english, CancellationToken cancellationToken)
    {
        var input = new JsonObject
        {
            ["title"] = article.Title,
            ["sentences"] = ToJson(sentences.Select(s => new SummarizeSentence(s.Id, s.Text, english.GetValueOrDefault(s.Id, string.Empty)))),
        };
        var ids = sentences.Select(s => s.Id).ToList();
        StageCallResult<SummarizeOutput> result;
        try
        {
            result = await CallAsync<SummarizeOutput>(StageNames.Summarize, input, output => StageValidator.Claims(ids, output.Claims), cancellationToken).ConfigureAwait(false);
        }
        catch (EngineCallException ex) when (ShouldSplit(ex, sentences.Count))
        {
            callers.Summarize.Usage.AddSplit();
            var (first, second) = Halves(sentences);
            var halves = await Task.WhenAll(SummarizeAsync(article, label + "a", first, english, cancellationToken), SummarizeAsync(article, label + "b", second, english, cancellationToken)).ConfigureAwait(false);
            return halves[0].Then(halves[1]);
        }
        catch (EngineCallException ex) when (StageErrorCodes.EndsItem(ex.Code))
        {
            return new ChunkClaims([], Stopped(article, StageNames.Summarize, label, sentences, ex));
        }

        if (result.Output is null)
        {
            return new ChunkClaims([], StageNotes.Of(new Failure(article.Id, StageNames.Summarize, label, string.Join("; ", result.Errors))));
        }

        if (result.IsValid)
        {
            return new ChunkClaims(result.Output.Claims, StageNotes.None);
        }

        // The answer was still wrong after its repair: keep the claims that are right, list the others with why.
        var claims = new List<ClaimDraft>();
        var failures = new List<Failure>();
        foreach (var claim in result.Output.Claims)
        {
            var problems = StageValidator.Claims(ids, [claim]);
            if (problems.Count == 0)
            {
                claims.Add(claim);
            }
            else
            {
                failures.Add(new Failure(article.Id, StageNames.Summarize, $"{label}: {claim.En}", string.Join("; ", problems)));
            }
        }

        return new ChunkClaims(claims, new StageNotes(failures, [], []));
    }

    /// <summary>A cut-off answer is split and retried; filtered text is split only when asked, to find the sentence.</summary>
    private bool ShouldSplit(EngineCallException ex, int sentences) =>
        sentences > 1 && (ex.Code == StageErrorCodes.Length || (StageErrorCodes.IsWithheld(ex.Code) && onFilter == FilterPolicy.Split));

    private static (IReadOnlyList<Sentence> First, IReadOnlyList<Sentence> Second) Halves(IReadOnlyList<Sentence> sentences)
    {
        var middle = sentences.Count / 2;
        return (sentences.Take(middle).ToList(), sentences.Skip(middle).ToList());
    }

    /// <summary>The read-only context of a split-off half: the configured number of sentences just before it, as for a chunk.</summary>
    private List<Sentence> ContextBefore(IReadOnlyList<Sentence> all, Sentence first)
    {
        var index = all.ToList().FindIndex(s => s.Id == first.Id);
        var count = Math.Min(contextSentences, index);
        return all.Skip(index - count).Take(count).ToList();
    }

    /// <summary>Counts and describes an item the content filter stopped or the model refused.</summary>
    private FilteredItem Withheld(Article article, string stage, string item, IReadOnlyList<string> sentences, EngineCallException ex)
    {
        callers.For(stage).Usage.AddFiltered();
        return ex.Code == StageErrorCodes.Refusal
            ? FilteredItem.Refused(article.Id, stage, item, sentences, ex.Refusal ?? ex.Message)
            : FilteredItem.Filtered(article.Id, stage, item, sentences, ex.Filter ?? new ContentFilterVerdict("unknown", "unknown", "prompt"));
    }

    /// <summary>Records sentences the content filter, the model's refusal or an unsplittable cut-off answer kept from a stage.</summary>
    private StageNotes Stopped(Article article, string stage, string label, IReadOnlyList<Sentence> sentences, EngineCallException ex)
    {
        var ids = string.Join(",", sentences.Select(s => s.Id));
        if (!StageErrorCodes.IsWithheld(ex.Code))
        {
            return StageNotes.Of(new Failure(article.Id, stage, $"{label} ({ids})", ex.Message));
        }

        var filtered = Withheld(article, stage, label, sentences.Select(s => s.Id).ToList(), ex);
        var code = ex.Code == StageErrorCodes.Refusal ? FlagCodes.Refused : FlagCodes.ContentFiltered;
        return new StageNotes(
            [new Failure(article.Id, stage, $"{label} ({ids})", filtered.Reason)],
            sentences.Select(sentence => (sentence.Id, new Flag(code, Severities.Error, $"{stage}: {filtered.Reason}"))).ToList(),
            [filtered]);
    }

    /// <summary>Merges the chunk claims into the article's summary and final claims, each checked against its sources.</summary>
    private async Task<ArticleSummary> MergeAsync(Article article, IReadOnlyList<Sentence> sentences, IReadOnlyList<ClaimDraft> chunkClaims, ArticleOverrides overrides, CancellationToken cancellationToken)
    {
        // Chunk claims came in chunk order; put them in reading order of their first source.
        var claims = chunkClaims.OrderBy(c => c.Sources.Select(SentenceIds.Position).DefaultIfEmpty(int.MaxValue).Min()).ToList();
        if (claims.Count == 0)
        {
            return new ArticleSummary(null, [], StageNotes.None, "no valid claims to summarise");
        }

        var input = new JsonObject
        {
            ["title"] = article.Title,
            ["claims"] = ToJson(claims.Select((c, i) => new MergeClaim(ClaimId(i), c.En, c.Ar, c.Sources))),
        };
        var ids = sentences.Select(s => s.Id).ToList();
        StageCallResult<MergeOutput> result;
        var notes = StageNotes.None;
        try
        {
            result = await CallAsync<MergeOutput>(StageNames.Merge, input, output => StageValidator.Merge(ids, output), cancellationToken).ConfigureAwait(false);
        }
        catch (EngineCallException ex) when (StageErrorCodes.EndsItem(ex.Code))
        {
            // The summary is lost, not the article: its chunk claims stand in below.
            if (StageErrorCodes.IsWithheld(ex.Code))
            {
                notes = new StageNotes([], [], [Withheld(article, StageNames.Merge, "summary", [], ex)]);
            }

            result = new StageCallResult<MergeOutput>(null, [ex.Message], Repaired: false);
        }

        if (!result.IsValid)
        {
            notes = notes.Then(StageNotes.Of(new Failure(article.Id, StageNames.Merge, "summary", string.Join("; ", result.Errors))));
        }

        // Even an invalid merge keeps the valid claims: the chunk claims stand in when merge gave none that validate.
        var merged = result.IsValid ? result.Output!.Claims : result.Output?.Claims.Where(c => StageValidator.Claims(ids, [c]).Count == 0).ToList() ?? [];
        var text = sentences.ToDictionary(s => s.Id, s => s.Text, StringComparer.Ordinal);
        var final = (merged.Count > 0 ? merged : claims)
            .Where(claim => !overrides.IsRejected(claim.En, claim.Sources))
            .Select((claim, i) => new Claim(ClaimId(i), claim.En, claim.Ar, claim.Sources, NumberCheck.Flags(claim, text)))
            .ToList();
        return new ArticleSummary(result.IsValid ? result.Output : null, final, notes, null);
    }

    private async Task<StageCallResult<T>> CallAsync<T>(string stage, JsonObject input, Func<T, IReadOnlyList<string>> validate, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await callers.For(stage).CallAsync(input, validate, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            progress.CallFinished(stage);
        }
    }

    private static JsonArray ToJson<T>(IEnumerable<T> items) => (JsonArray)System.Text.Json.JsonSerializer.SerializeToNode(items.ToList(), StageJson.Options)!;

    private static string ClaimId(int index) => "k" + (index + 1).ToString(CultureInfo.InvariantCulture);
}

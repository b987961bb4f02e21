using System.Globalization;
using System.Text.Json.Nodes;
using Summarizer.Core.Chunking;
using Summarizer.Core.Planning;
using Summarizer.Core.Prompts;
using Summarizer.Core.Segmentation;
using Summarizer.Core.Stages;
using Summarizer.Core.Telemetry;
using Summarizer.Core.Validation;

namespace Summarizer.Core.Jobs;

/// <summary>
/// Runs one article through translate (chunk by chunk, each with the translated sentences before it as context),
/// summarize (chunks in parallel) and merge, validating every answer and recording whatever fails.
/// </summary>
public sealed class ArticlePipeline(StageCallers callers, Glossary glossary, IJobProgress progress, FilterPolicy onFilter = FilterPolicy.Mark, int contextSentences = 2)
{
    /// <summary>Runs the article's stages; engine errors end the article with a reason, other articles go on.</summary>
    public async Task RunAsync(ArticleWork work, CancellationToken cancellationToken)
    {
        using var telemetry = SummarizerTelemetry.StartArticle(work.Article.Id, work.Chunks.Count);
        try
        {
            foreach (var chunk in work.Chunks)
            {
                await TranslateAsync(work, chunk, cancellationToken).ConfigureAwait(false);
            }

            // Chunks are summarised at once; their results are applied in chunk order, not in the order they arrive.
            foreach (var changes in await Task.WhenAll(work.Chunks.Select(chunk => SummarizeAsync(work, chunk, cancellationToken))).ConfigureAwait(false))
            {
                changes.ApplyTo(work);
            }

            await MergeAsync(work, cancellationToken).ConfigureAwait(false);
            if (work.Status == JobStatuses.Done && work.Failures.Count > 0)
            {
                work.Status = JobStatuses.Partial;
            }
        }
        catch (Engines.EngineCallException ex)
        {
            Fail(work, ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the user's Ctrl+C: the HTTP attempt timed out.
            Fail(work, "the model call timed out");
        }

        telemetry.Finish(work.Status);
    }

    private static void Fail(ArticleWork work, string reason)
    {
        work.Status = JobStatuses.Failed;
        work.Reason = reason;
        work.Failures.Add(new Failure(work.Article.Id, "engine", "article", reason));
    }

    private Task TranslateAsync(ArticleWork work, Chunk chunk, CancellationToken cancellationToken) =>
        TranslatePartAsync(work, chunk.Id, chunk.Sentences, chunk.Context, cancellationToken);

    private async Task TranslatePartAsync(ArticleWork work, string label, IReadOnlyList<Sentence> sentences, IReadOnlyList<Sentence> context, CancellationToken cancellationToken)
    {
        var arabic = string.Join('\n', sentences.Select(s => s.Text));
        var terms = glossary.Find(arabic);
        var input = new JsonObject
        {
            ["title"] = work.Article.Title,
            ["sentences"] = ToJson(sentences.Select(s => new TranslateSentence(s.Id, s.Text))),
            ["context"] = ToJson(context.Select(s => new ContextSentence(s.Id, s.Text, work.English.GetValueOrDefault(s.Id, string.Empty)))),
            ["glossary"] = ToJson(terms.Select(t => new GlossaryEntry(t.Ar, t.En))),
        };
        var ids = sentences.Select(s => s.Id).ToList();
        StageCallResult<TranslateOutput> result;
        try
        {
            result = await CallAsync<TranslateOutput>(StageNames.Translate, input, output => StageValidator.Translation(ids, output), cancellationToken).ConfigureAwait(false);
        }
        catch (Engines.EngineCallException ex) when (ShouldSplit(ex, sentences.Count))
        {
            callers.Translate.Usage.AddSplit();
            var (first, second) = Halves(sentences);
            await TranslatePartAsync(work, label + "a", first, context, cancellationToken).ConfigureAwait(false);
            await TranslatePartAsync(work, label + "b", second, ContextBefore(work, second[0]), cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (Engines.EngineCallException ex) when (StageErrorCodes.IsWithheld(ex.Code) || ex.Code == StageErrorCodes.Length)
        {
            // Translation runs chunk by chunk, so its changes apply at once.
            var changes = new ArticleChanges();
            Stopped(work, changes, StageNames.Translate, label, sentences, ex);
            changes.ApplyTo(work);
            return;
        }

        var byId = (result.Output?.Translations ?? [])
            .Where(t => !string.IsNullOrWhiteSpace(t.En))
            .GroupBy(t => t.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().En, StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            if (byId.TryGetValue(sentence.Id, out var english))
            {
                work.English[sentence.Id] = english;
                foreach (var term in glossary.Missing(sentence.Text, english))
                {
                    work.Flag(sentence.Id, new Flag(FlagCodes.GlossaryMissing, Severities.Warning, $"\"{term.Ar}\" should be rendered \"{term.En}\""));
                }
            }
            else
            {
                var reason = result.Errors.Count > 0 ? string.Join("; ", result.Errors) : "no translation returned";
                work.Flag(sentence.Id, new Flag(FlagCodes.TranslationFailed, Severities.Error, reason));
                work.Failures.Add(new Failure(work.Article.Id, StageNames.Translate, sentence.Id, reason));
            }
        }
    }

    private Task<ArticleChanges> SummarizeAsync(ArticleWork work, Chunk chunk, CancellationToken cancellationToken) =>
        SummarizePartAsync(work, chunk.Id, chunk.Sentences, cancellationToken);

    /// <summary>Summarises some sentences; reads the article's English but changes nothing in it (runs beside other chunks).</summary>
    private async Task<ArticleChanges> SummarizePartAsync(ArticleWork work, string label, IReadOnlyList<Sentence> sentences, CancellationToken cancellationToken)
    {
        var changes = new ArticleChanges();
        var input = new JsonObject
        {
            ["title"] = work.Article.Title,
            ["sentences"] = ToJson(sentences.Select(s => new SummarizeSentence(s.Id, s.Text, work.English.GetValueOrDefault(s.Id, string.Empty)))),
        };
        var ids = sentences.Select(s => s.Id).ToList();
        StageCallResult<SummarizeOutput> result;
        try
        {
            result = await CallAsync<SummarizeOutput>(StageNames.Summarize, input, output => StageValidator.Claims(ids, output.Claims), cancellationToken).ConfigureAwait(false);
        }
        catch (Engines.EngineCallException ex) when (ShouldSplit(ex, sentences.Count))
        {
            callers.Summarize.Usage.AddSplit();
            var (first, second) = Halves(sentences);
            var halves = await Task.WhenAll(SummarizePartAsync(work, label + "a", first, cancellationToken), SummarizePartAsync(work, label + "b", second, cancellationToken)).ConfigureAwait(false);
            return halves[0].Then(halves[1]);
        }
        catch (Engines.EngineCallException ex) when (StageErrorCodes.IsWithheld(ex.Code) || ex.Code == StageErrorCodes.Length)
        {
            Stopped(work, changes, StageNames.Summarize, label, sentences, ex);
            return changes;
        }

        if (result.Output is null)
        {
            changes.Failures.Add(new Failure(work.Article.Id, StageNames.Summarize, label, string.Join("; ", result.Errors)));
            return changes;
        }

        foreach (var claim in result.Output.Claims)
        {
            var problems = StageValidator.Claims(ids, [claim]);
            if (problems.Count == 0)
            {
                changes.Claims.Add(claim);
            }
            else
            {
                changes.Failures.Add(new Failure(work.Article.Id, StageNames.Summarize, $"{label}: {claim.En}", string.Join("; ", problems)));
            }
        }

        return changes;
    }

    /// <summary>A cut-off answer is split and retried; filtered text is split only when asked, to find the sentence.</summary>
    private bool ShouldSplit(Engines.EngineCallException ex, int sentences) =>
        sentences > 1 && (ex.Code == StageErrorCodes.Length || (StageErrorCodes.IsWithheld(ex.Code) && onFilter == FilterPolicy.Split));

    private static (IReadOnlyList<Sentence> First, IReadOnlyList<Sentence> Second) Halves(IReadOnlyList<Sentence> sentences)
    {
        var middle = sentences.Count / 2;
        return (sentences.Take(middle).ToList(), sentences.Skip(middle).ToList());
    }

    /// <summary>The read-only context of a split-off half: the configured number of sentences just before it, as for a chunk.</summary>
    private List<Sentence> ContextBefore(ArticleWork work, Sentence first)
    {
        var index = work.Sentences.ToList().FindIndex(s => s.Id == first.Id);
        var count = Math.Min(contextSentences, index);
        return work.Sentences.Skip(index - count).Take(count).ToList();
    }

    /// <summary>Counts and lists an item the content filter stopped or the model refused; returns why, in a few words.</summary>
    private string RecordFiltered(ArticleWork work, ArticleChanges changes, string stage, string item, IReadOnlyList<string> sentences, Engines.EngineCallException ex)
    {
        callers.For(stage).Usage.AddFiltered();
        var filtered = ex.Code == StageErrorCodes.Refusal
            ? FilteredItem.Refused(work.Article.Id, stage, item, sentences, ex.Refusal ?? ex.Message)
            : FilteredItem.Filtered(work.Article.Id, stage, item, sentences, ex.Filter ?? new Engines.ContentFilterVerdict("unknown", "unknown", "prompt"));
        changes.Filtered.Add(filtered);
        return filtered.Reason;
    }

    /// <summary>Records sentences the content filter, the model's refusal or an unsplittable cut-off answer kept from a stage.</summary>
    private void Stopped(ArticleWork work, ArticleChanges changes, string stage, string label, IReadOnlyList<Sentence> sentences, Engines.EngineCallException ex)
    {
        var ids = string.Join(",", sentences.Select(s => s.Id));
        if (StageErrorCodes.IsWithheld(ex.Code))
        {
            var reason = RecordFiltered(work, changes, stage, label, sentences.Select(s => s.Id).ToList(), ex);
            var code = ex.Code == StageErrorCodes.Refusal ? FlagCodes.Refused : FlagCodes.ContentFiltered;
            changes.Flags.AddRange(sentences.Select(sentence => (sentence.Id, new Flag(code, Severities.Error, $"{stage}: {reason}"))));
            changes.Failures.Add(new Failure(work.Article.Id, stage, $"{label} ({ids})", reason));
        }
        else
        {
            changes.Failures.Add(new Failure(work.Article.Id, stage, $"{label} ({ids})", ex.Message));
        }
    }

    private async Task MergeAsync(ArticleWork work, CancellationToken cancellationToken)
    {
        // Chunk claims were added as chunks finished; put them back in reading order of their first source.
        var order = work.Sentences.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var claims = work.ChunkClaims.OrderBy(c => c.Sources.Select(s => order.GetValueOrDefault(s, int.MaxValue)).DefaultIfEmpty(int.MaxValue).Min()).ToList();
        if (claims.Count == 0)
        {
            work.Status = JobStatuses.Failed;
            work.Reason = "no valid claims to summarise";
            return;
        }

        var input = new JsonObject
        {
            ["title"] = work.Article.Title,
            ["claims"] = ToJson(claims.Select((c, i) => new MergeClaim(ClaimId(i), c.En, c.Ar, c.Sources))),
        };
        var ids = work.Sentences.Select(s => s.Id).ToList();
        StageCallResult<MergeOutput> result;
        try
        {
            result = await CallAsync<MergeOutput>(StageNames.Merge, input, output => StageValidator.Merge(ids, output), cancellationToken).ConfigureAwait(false);
        }
        catch (Engines.EngineCallException ex) when (StageErrorCodes.IsWithheld(ex.Code) || ex.Code == StageErrorCodes.Length)
        {
            // The summary is lost, not the article: its chunk claims stand in below.
            if (StageErrorCodes.IsWithheld(ex.Code))
            {
                var changes = new ArticleChanges();
                RecordFiltered(work, changes, StageNames.Merge, "summary", [], ex);
                changes.ApplyTo(work);
            }

            result = new StageCallResult<MergeOutput>(null, [ex.Message], Repaired: false);
        }

        if (!result.IsValid)
        {
            work.Failures.Add(new Failure(work.Article.Id, StageNames.Merge, "summary", string.Join("; ", result.Errors)));
        }

        // Even an invalid merge keeps the valid claims: the chunk claims stand in when merge gave none that validate.
        var merged = result.Output?.Claims.Where(c => StageValidator.Claims(ids, [c]).Count == 0).ToList() ?? [];
        work.Summary = result.IsValid ? result.Output : null;
        var text = work.Sentences.ToDictionary(s => s.Id, s => s.Text, StringComparer.Ordinal);
        var final = merged.Count > 0 ? merged : claims;
        for (var i = 0; i < final.Count; i++)
        {
            var claim = final[i];
            var cited = claim.Sources.Select(s => text[s]).ToList();
            var flags = NumberExtractor.Unsupported(claim.En + " " + claim.Ar, cited)
                .Select(n => new Flag(FlagCodes.UnsupportedNumber, Severities.Error, $"{n.Text} does not occur in the cited sentences {string.Join(", ", claim.Sources)}"))
                .ToList();
            work.Claims.Add(new Claim(ClaimId(i), claim.En, claim.Ar, claim.Sources, flags));
        }
    }

    private async Task<StageCallResult<T>> CallAsync<T>(string stage, JsonObject input, Func<T, IReadOnlyList<string>> validate, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await Resilience.CallSlot.RunAsync(callers.Gate, () => callers.For(stage).CallAsync(input, validate, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            progress.CallFinished(stage);
        }
    }

    private static JsonArray ToJson<T>(IEnumerable<T> items) => (JsonArray)System.Text.Json.JsonSerializer.SerializeToNode(items.ToList(), StageJson.Options)!;

    private static string ClaimId(int index) => "k" + (index + 1).ToString(CultureInfo.InvariantCulture);
}

using System.Text.Json.Nodes;
using Summarizer.Core.Engines;
using Summarizer.Core.Ingest;
using Summarizer.Core.Outputs;
using Summarizer.Core.Planning;
using Summarizer.Core.Segmentation;
using Summarizer.Core.Stages;
using Summarizer.Core.Validation;

namespace Summarizer.Core.Jobs;

/// <summary>Summarize, for one chunk (or a split half of it): its valid claims in answer order, and what failed, as one immutable <see cref="ChunkClaims"/>.</summary>
internal sealed class SummarizeStage(StageItems items)
{
    /// <summary>Summarises some sentences from their Arabic and English.</summary>
    public async Task<ChunkClaims> RunAsync(Article article, string label, IReadOnlyList<Sentence> sentences, IReadOnlyDictionary<string, string> english, CancellationToken cancellationToken)
    {
        var input = new JsonObject
        {
            ["title"] = article.Title,
            ["sentences"] = StageItems.ToJson(sentences.Select(s => new SummarizeSentence(s.Id, s.Text, english.GetValueOrDefault(s.Id, string.Empty)))),
        };
        var ids = sentences.Select(s => s.Id).ToList();
        StageCallResult<SummarizeOutput> result;
        try
        {
            result = await items.CallAsync<SummarizeOutput>(StageNames.Summarize, input, output => StageValidator.Claims(ids, output.Claims), cancellationToken).ConfigureAwait(false);
        }
        catch (EngineCallException ex) when (items.ShouldSplit(ex, sentences.Count))
        {
            items.Split(StageNames.Summarize);
            var (first, second) = StageItems.Halves(sentences);
            var halves = await Task.WhenAll(RunAsync(article, label + "a", first, english, cancellationToken), RunAsync(article, label + "b", second, english, cancellationToken)).ConfigureAwait(false);
            return halves[0].Then(halves[1]);
        }
        catch (EngineCallException ex) when (StageErrorCodes.EndsItem(ex.Code))
        {
            return new ChunkClaims([], items.Stopped(article, StageNames.Summarize, label, sentences, ex));
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
}

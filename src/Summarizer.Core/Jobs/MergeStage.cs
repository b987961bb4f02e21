using System.Globalization;
using System.Text.Json.Nodes;
using Summarizer.Core.Engines;
using Summarizer.Core.Ingest;
using Summarizer.Core.Outputs;
using Summarizer.Core.Planning;
using Summarizer.Core.Segmentation;
using Summarizer.Core.Stages;
using Summarizer.Core.Validation;

namespace Summarizer.Core.Jobs;

/// <summary>Merge, for one article: its summary and final claims, each checked against its sources (citations and numbers), as one immutable <see cref="ArticleSummary"/>.</summary>
internal sealed class MergeStage(StageItems items)
{
    /// <summary>Merges the chunk claims into the article's summary and final claims, each checked against its sources.</summary>
    public async Task<ArticleSummary> RunAsync(Article article, IReadOnlyList<Sentence> sentences, IReadOnlyList<ClaimDraft> chunkClaims, ArticleOverrides overrides, CancellationToken cancellationToken)
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
            ["claims"] = StageItems.ToJson(claims.Select((c, i) => new MergeClaim(ClaimId(i), c.En, c.Ar, c.Sources))),
        };
        var ids = sentences.Select(s => s.Id).ToList();
        StageCallResult<MergeOutput> result;
        var notes = StageNotes.None;
        try
        {
            result = await items.CallAsync<MergeOutput>(StageNames.Merge, input, output => StageValidator.Merge(ids, output), cancellationToken).ConfigureAwait(false);
        }
        catch (EngineCallException ex) when (StageErrorCodes.EndsItem(ex.Code))
        {
            // The summary is lost, not the article: its chunk claims stand in below.
            if (StageErrorCodes.IsWithheld(ex.Code))
            {
                notes = new StageNotes([], [], [items.Withheld(article, StageNames.Merge, "summary", [], ex)]);
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

    private static string ClaimId(int index) => "k" + (index + 1).ToString(CultureInfo.InvariantCulture);
}

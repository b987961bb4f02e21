using Summarizer.Core.Outputs;
using System.Text.Json.Nodes;
using Summarizer.Core.Engines;
using Summarizer.Core.Planning;
using Summarizer.Core.Stages;
using Summarizer.Core.Validation;

namespace Summarizer.Core.Jobs;

/// <summary>
/// The job's last stage: one call that turns every article's summary and top claims into the briefing, each citation
/// naming an article and a sentence. It runs once every article is done, like merge once every chunk is.
/// </summary>
public sealed class BriefStage(StageCallers callers, IJobProgress progress)
{
    /// <summary>Briefs the articles that have claims, each with its first claims; null when none has any.</summary>
    public async Task<BriefResult?> RunAsync(IReadOnlyList<ArticleResult> works, int claimsPerArticle, CancellationToken cancellationToken)
    {
        var ready = works.Where(w => w.Claims.Count > 0).ToList();
        if (ready.Count == 0)
        {
            return null;
        }

        var input = new JsonObject
        {
            ["articles"] = System.Text.Json.JsonSerializer.SerializeToNode(
                ready.Select(w => new BriefArticle(w.Article.Id, w.Summary?.HeadlineEn ?? w.Article.Title, w.Claims.Take(claimsPerArticle).Select(c => new BriefClaim(c.En, c.Sources)).ToList())).ToList(),
                StageJson.Options),
        };
        var sentences = ready.ToDictionary(
            w => w.Article.Id,
            w => (IReadOnlySet<string>)w.Sentences.Select(s => s.Id).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        try
        {
            var result = await callers.Brief.CallAsync<BriefOutput>(input, output => StageValidator.Brief(sentences, output), cancellationToken).ConfigureAwait(false);
            var failures = result.IsValid ? [] : new List<Failure> { new("*", StageNames.Brief, "briefing", string.Join("; ", result.Errors)) };
            return new BriefResult(result.Output, failures);
        }
        catch (EngineCallException ex)
        {
            return new BriefResult(null, [new Failure("*", StageNames.Brief, "briefing", ex.Message)]);
        }
        finally
        {
            progress.CallFinished(StageNames.Brief);
        }
    }
}

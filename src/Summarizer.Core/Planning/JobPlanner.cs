using System.Diagnostics;
using Microsoft.Extensions.Options;
using Summarizer.Core.Chunking;
using Summarizer.Core.Ingest;
using Summarizer.Core.Segmentation;

namespace Summarizer.Core.Planning;

/// <summary>
/// Plans a job without calling a model: finds files, ingests, segments and chunks every article (in parallel,
/// results in input order), estimates tokens per stage and prices them.
/// </summary>
public sealed class JobPlanner(
    ArticleFileFinder finder,
    ArticleIngestor ingestor,
    SentenceSegmenter segmenter,
    Chunker chunker,
    TokenEstimator estimator,
    ITokenCounter tokens,
    IOptions<ChunkingOptions> chunking,
    IOptions<PricingOptions> pricing)
{
    /// <summary>Plans the job.</summary>
    /// <exception cref="PlanInputException">A named path does not exist, or no article file was found.</exception>
    public async Task<JobPlan> PlanAsync(PlanRequest request, PlanStepTimings? timings = null, CancellationToken cancellationToken = default)
    {
        var files = finder.Find(request.Paths);
        if (files.Missing.Count > 0)
        {
            throw new PlanInputException($"not found: {string.Join(", ", files.Missing)}");
        }

        if (files.Files.Count == 0)
        {
            throw new PlanInputException($"no article files (.txt, .md, .html, .htm, .json) in {string.Join(", ", request.Paths)}");
        }

        var budget = request.ChunkTokens ?? chunking.Value.MaxSourceTokens;
        var perFile = new IReadOnlyList<ArticlePlan>[files.Files.Count];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        await Parallel.ForAsync(0, files.Files.Count, parallel, async (i, ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            var results = await ingestor.IngestAsync(files.Files[i], ct).ConfigureAwait(false);
            timings?.AddIngest(started);
            perFile[i] = results.Select(result => PlanArticle(result, budget, timings)).ToList();
        }).ConfigureAwait(false);

        var articles = WithUniqueIds(perFile.SelectMany(p => p).ToList());
        var accepted = articles.Where(a => a.IsAccepted).ToList();
        var brief = estimator.EstimateBrief(accepted.Sum(a => a.BriefInputTokens), accepted.Count);
        var stages = StageNames.All
            .Select(stage => articles.SelectMany(a => a.Stages).Append(brief).Where(s => s.Stage == stage)
                .Aggregate(new StageEstimate(stage, 0, 0, 0), (sum, s) => sum + s))
            .ToList();
        var model = request.Model ?? pricing.Value.Model;
        var cost = estimator.Cost(model, stages.Sum(s => s.InputTokens), stages.Sum(s => s.OutputTokens));
        return new JobPlan(articles, stages, model, cost, budget, tokens.EncodingName);
    }

    private ArticlePlan PlanArticle(IngestResult result, int budget, PlanStepTimings? timings)
    {
        if (result.Article is not { } article)
        {
            return new ArticlePlan(result, [], [], []);
        }

        var started = Stopwatch.GetTimestamp();
        var sentences = segmenter.Segment(article.Text, budget);
        timings?.AddSegment(started);

        started = Stopwatch.GetTimestamp();
        var chunks = chunker.Chunk(sentences, budget, chunking.Value.ContextSentences);
        timings?.AddChunk(started);

        started = Stopwatch.GetTimestamp();
        var (stages, briefInput) = estimator.EstimateArticle(article.Title, chunks);
        timings?.AddEstimate(started);
        return new ArticlePlan(result, sentences, chunks, stages) { BriefInputTokens = briefInput };
    }

    /// <summary>Two files may slug to the same id (a.txt and a.md); later ones get -2, -3 so citations stay unambiguous.</summary>
    private static List<ArticlePlan> WithUniqueIds(List<ArticlePlan> plans)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < plans.Count; i++)
        {
            var id = plans[i].Id;
            var unique = id;
            for (var n = 2; !seen.Add(unique); n++)
            {
                unique = $"{id}-{n}";
            }

            if (unique != id)
            {
                plans[i] = plans[i] with { Ingest = plans[i].Ingest.WithId(unique) };
            }
        }

        return plans;
    }
}

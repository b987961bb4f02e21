using System.Diagnostics;
using Microsoft.Extensions.Options;
using Summarizer.Core.Chunking;
using Summarizer.Core.Ingest;
using Summarizer.Core.Segmentation;
using Summarizer.Core.Tokens;

namespace Summarizer.Core.Planning;

/// <summary>
/// Plans a job without calling a model: finds files, ingests, segments and chunks every article (in parallel,
/// results in input order), estimates tokens per stage and prices them. A plan streams: it keeps numbers per article,
/// not articles; only a run asks for the articles themselves.
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
    /// <summary>
    /// Plans the job keeping only each article's <see cref="ArticleEstimate"/>: an article's text, sentences and chunks
    /// are let go as soon as it is estimated, so peak memory stays flat however many articles a folder holds.
    /// </summary>
    /// <exception cref="PlanInputException">A named path does not exist, or no article file was found.</exception>
    public async Task<JobPlan> PlanAsync(PlanRequest request, PlanStepTimings? timings = null, CancellationToken cancellationToken = default)
    {
        var (articles, budget) = await PlanFilesAsync(request, plan => ArticleEstimate.From(plan, request.KeepRemovedLines), timings, cancellationToken).ConfigureAwait(false);
        return Total(WithUniqueIds(articles, a => a.Id, (a, id) => a with { Id = id }), request, budget);
    }

    /// <summary>Plans the job and keeps every article's text, sentences and chunks, for a run to work on.</summary>
    /// <exception cref="PlanInputException">A named path does not exist, or no article file was found.</exception>
    public async Task<PlannedArticles> PlanArticlesAsync(PlanRequest request, CancellationToken cancellationToken = default)
    {
        var (articles, budget) = await PlanFilesAsync(request, plan => plan, timings: null, cancellationToken).ConfigureAwait(false);
        articles = WithUniqueIds(articles, a => a.Id, (a, id) => a with { Ingest = a.Ingest.WithId(id) });
        return new PlannedArticles(Total(articles.Select(a => ArticleEstimate.From(a)).ToList(), request, budget), articles);
    }

    private async Task<(List<T> Articles, int Budget)> PlanFilesAsync<T>(
        PlanRequest request, Func<ArticlePlan, T> keep, PlanStepTimings? timings, CancellationToken cancellationToken)
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
        var perFile = new IReadOnlyList<T>[files.Files.Count];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        await Parallel.ForAsync(0, files.Files.Count, parallel, async (i, ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            var results = await ingestor.IngestAsync(files.Files[i], ct).ConfigureAwait(false);
            timings?.AddIngest(started);

            // Only what the caller keeps outlives this file: with estimates, the text is garbage by the next file.
            perFile[i] = results.Select(result => keep(PlanArticle(result, budget, timings))).ToList();
        }).ConfigureAwait(false);

        return (perFile.SelectMany(p => p).ToList(), budget);
    }

    private JobPlan Total(IReadOnlyList<ArticleEstimate> articles, PlanRequest request, int budget)
    {
        var accepted = articles.Where(a => a.IsAccepted).ToList();
        var brief = estimator.EstimateBrief(accepted.Sum(a => a.BriefInputTokens), accepted.Count);
        var stages = StageNames.All
            .Select(stage => articles.SelectMany(a => a.Stages).Append(brief).Where(s => s.Stage == stage)
                .Aggregate(new StageEstimate(stage, 0, 0, 0), (sum, s) => sum + s))
            .ToList();
        var model = request.Model ?? pricing.Value.Model;
        var cost = estimator.Cost(model, stages.Sum(s => s.InputTokens), stages.Sum(s => s.OutputTokens), request.Batch);

        // In batch mode every chunk translates at once (its context carries no English), so the rounds are the stages.
        return new JobPlan(articles, stages, model, cost, budget, tokens.EncodingName)
        {
            BatchRounds = request.Batch ? stages.Count(s => s.Calls > 0) : null,
        };
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
    private static List<T> WithUniqueIds<T>(List<T> articles, Func<T, string> idOf, Func<T, string, T> rename)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < articles.Count; i++)
        {
            var id = idOf(articles[i]);
            var unique = id;
            for (var n = 2; !seen.Add(unique); n++)
            {
                unique = $"{id}-{n}";
            }

            if (unique != id)
            {
                articles[i] = rename(articles[i], unique);
            }
        }

        return articles;
    }
}

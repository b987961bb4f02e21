using Summarizer.Core.Chunking;
using Summarizer.Core.Engines;
using Summarizer.Core.Ingest;
using Summarizer.Core.Outputs;
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
    // One record of the article's calls and items, shared by its stages.
    private readonly StageItems _items = new(callers, progress, onFilter);

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

    private TranslateStage Translate => new(_items, glossary, contextSentences, englishContext);

    private SummarizeStage Summarize => new(_items);

    private MergeStage Merge => new(_items);

    private async Task<ArticleResult> RunStagesAsync(Article article, IReadOnlyList<Sentence> sentences, IReadOnlyList<Chunk> chunks, ArticleOverrides overrides, CancellationToken cancellationToken)
    {
        var translation = ArticleTranslation.None;
        var chunkClaims = ChunkClaims.None;
        try
        {
            translation = await Translate.RunAsync(article, sentences, chunks, overrides, cancellationToken).ConfigureAwait(false);

            // Chunks are summarised at once; their results are joined in chunk order, not in the order they arrive.
            var summarize = Summarize;
            chunkClaims = (await Task.WhenAll(chunks.Select(chunk => summarize.RunAsync(article, chunk.Id, chunk.Sentences, translation.English, cancellationToken))).ConfigureAwait(false))
                .Aggregate(ChunkClaims.None, (all, next) => all.Then(next));
            var kept = chunkClaims.Claims.Where(c => !overrides.IsRejected(c.En, c.Sources)).ToList();
            var summary = await Merge.RunAsync(article, sentences, kept, overrides, cancellationToken).ConfigureAwait(false);
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
}

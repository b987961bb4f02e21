using System.Text.Json.Nodes;
using Summarizer.Core.Engines;
using Summarizer.Core.Ingest;
using Summarizer.Core.Outputs;
using Summarizer.Core.Segmentation;
using Summarizer.Core.Stages;
using Summarizer.Core.Validation;

namespace Summarizer.Core.Jobs;

/// <summary>
/// What an article's stages share: the calls through the job's stage callers (reported to the progress display), the
/// split rule for cut-off or filtered answers, and the record of items a stage could not do.
/// </summary>
internal sealed class StageItems(StageCallers callers, IJobProgress progress, FilterPolicy onFilter)
{
    /// <summary>Gets the job's progress display.</summary>
    public IJobProgress Progress => progress;

    /// <summary>Counts a split of a stage's work in halves.</summary>
    public void Split(string stage) => callers.For(stage).Usage.AddSplit();

    /// <summary>A cut-off answer is split and retried; filtered text is split only when asked, to find the sentence.</summary>
    public bool ShouldSplit(EngineCallException ex, int sentences) =>
        sentences > 1 && (ex.Code == StageErrorCodes.Length || (StageErrorCodes.IsWithheld(ex.Code) && onFilter == FilterPolicy.Split));

    /// <summary>Splits sentences in two halves (the first one shorter when odd).</summary>
    public static (IReadOnlyList<Sentence> First, IReadOnlyList<Sentence> Second) Halves(IReadOnlyList<Sentence> sentences)
    {
        var middle = sentences.Count / 2;
        return (sentences.Take(middle).ToList(), sentences.Skip(middle).ToList());
    }

    /// <summary>Counts and describes an item the content filter stopped or the model refused.</summary>
    public FilteredItem Withheld(Article article, string stage, string item, IReadOnlyList<string> sentences, EngineCallException ex)
    {
        callers.For(stage).Usage.AddFiltered();
        return ex.Code == StageErrorCodes.Refusal
            ? FilteredItem.Refused(article.Id, stage, item, sentences, ex.Refusal ?? ex.Message)
            : FilteredItem.Filtered(article.Id, stage, item, sentences, ex.Filter ?? new ContentFilterVerdict("unknown", "unknown", "prompt"));
    }

    /// <summary>Records sentences the content filter, the model's refusal or an unsplittable cut-off answer kept from a stage.</summary>
    public StageNotes Stopped(Article article, string stage, string label, IReadOnlyList<Sentence> sentences, EngineCallException ex)
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

    /// <summary>Calls a stage through its caller (cache, scheduler, validation, repair) and reports the call to the progress display.</summary>
    public async Task<StageCallResult<T>> CallAsync<T>(string stage, JsonObject input, Func<T, IReadOnlyList<string>> validate, CancellationToken cancellationToken)
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

    /// <summary>Serialises stage input items as the prompts expect them.</summary>
    public static JsonArray ToJson<T>(IEnumerable<T> items) => (JsonArray)System.Text.Json.JsonSerializer.SerializeToNode(items.ToList(), StageJson.Options)!;
}

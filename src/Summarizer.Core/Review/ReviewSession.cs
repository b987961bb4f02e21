using Summarizer.Core.Outputs;
using Summarizer.Core.Rendering;
using Summarizer.Core.Store;

namespace Summarizer.Core.Review;

/// <summary>
/// One reviewer's session on one job, as the review server runs it: draws the served pages from the job's files with
/// every recorded review applied (so a reload shows what was saved), and turns each posted edit into a review record
/// in the job store at once. The job's own files are only read, never written.
/// </summary>
public sealed class ReviewSession
{
    private readonly JobFolder _folder;
    private readonly ReviewStore _reviews;
    private readonly TimeProvider _clock;

    /// <summary>Initializes a new instance of the <see cref="ReviewSession"/> class.</summary>
    /// <param name="jobId">The reviewed job.</param>
    /// <param name="jobDirectory">Its folder.</param>
    /// <param name="reviews">The job store's reviews.</param>
    /// <param name="reviewer">Who reviews (recorded with every edit).</param>
    /// <param name="clock">When edits are made.</param>
    public ReviewSession(string jobId, string jobDirectory, ReviewStore reviews, string reviewer, TimeProvider clock)
    {
        JobId = jobId;
        Reviewer = reviewer;
        _folder = new JobFolder(jobDirectory);
        _reviews = reviews;
        _clock = clock;
    }

    /// <summary>Gets the reviewed job.</summary>
    public string JobId { get; }

    /// <summary>Gets who reviews.</summary>
    public string Reviewer { get; }

    /// <summary>Gets the job folder.</summary>
    public JobFolder Folder => _folder;

    /// <summary>Counts the job's review records (all sessions).</summary>
    public int Records() => _reviews.Edits(JobId).Count;

    /// <summary>Draws the served index: the job's articles with their review counts, and the apply button.</summary>
    public string IndexPage()
    {
        var articles = _folder.ArticleIds()
            .Select(id => (Id: id, Written: _folder.ReadArticle(id)))
            .Where(a => a.Written is not null)
            .Select(a => (a.Id, a.Written!))
            .ToList();
        var provenance = articles.Count > 0 ? articles[0].Item2.Translation.Provenance : null;
        return ReviewIndexPage.Render(JobId, Reviewer, provenance, articles, _reviews.Latest(JobId), File.Exists(_folder.File(JobFolder.BriefingPage)));
    }

    /// <summary>Draws an article's side-by-side page with its reviews applied and the editor; null when the job has no such article.</summary>
    public string? ArticlePage(string articleId)
    {
        if (!_folder.ArticleIds().Contains(articleId, StringComparer.Ordinal) || _folder.ReadArticle(articleId) is not { } written)
        {
            return null;
        }

        var latest = _reviews.Latest(JobId, articleId);
        var result = ArticleResult.From(written, written.Translation.Path);
        var english = new Dictionary<string, string>(result.English, StringComparer.Ordinal);
        foreach (var sentence in result.Sentences)
        {
            if (latest.GetValueOrDefault((articleId, sentence.Id))?.English is { } edited)
            {
                english[sentence.Id] = edited;
            }
        }

        var claims = result.Claims.Select(c => latest.GetValueOrDefault((articleId, c.Id))?.English is { } edited ? c with { En = edited } : c).ToList();
        var findings = _folder.ReadQa()?.Findings.Where(f => f.Article == articleId).ToList() ?? [];
        return SideBySidePage.Render(
            result with { English = english, Claims = claims },
            written.Translation.Provenance,
            findings,
            File.Exists(_folder.File(JobFolder.BriefingPage)),
            ReviewEditor.For(articleId, latest));
    }

    /// <summary>Records one edit in the job store and returns the item as it now stands; an approved sentence also joins the translation memory.</summary>
    /// <exception cref="ReviewRequestException">The edit names no item of the job, or is not a valid edit; nothing was recorded.</exception>
    public ReviewedItem Record(ReviewRequest request)
    {
        var (article, item) = (Required(request.Article, "article"), Required(request.Item, "item"));
        var written = _folder.ArticleIds().Contains(article, StringComparer.Ordinal) ? _folder.ReadArticle(article) : null;
        if (written is null)
        {
            throw new ReviewRequestException($"article {article} is not in job {JobId}");
        }

        var sentence = written.Translation.Sentences.FirstOrDefault(s => s.Id == item);
        var claim = (written.Claims.Claims ?? []).FirstOrDefault(c => c.Id == item);
        if (sentence is null && claim is null)
        {
            throw new ReviewRequestException($"{item} is neither a sentence nor a claim of article {article} in job {JobId}");
        }

        var before = _reviews.Latest(JobId, article).GetValueOrDefault((article, item));
        var english = before?.English ?? sentence?.En ?? claim!.En;
        var state = before?.State ?? ReviewStates.Translated;
        var now = _clock.GetUtcNow();
        var edit = request.Field switch
        {
            // A reviewer's English is at least reviewed, whatever it was before: an approval was of other words.
            ReviewFields.English => new ReviewEdit(JobId, article, item, ReviewFields.English, english, Text(request.Value, "the English"), ReviewStates.Reviewed, null, now, Reviewer),
            ReviewFields.State => StateEdit(article, item, state, request, sentence is not null && english is null, now),
            ReviewFields.Comment => new ReviewEdit(JobId, article, item, ReviewFields.Comment, before?.Comment, Text(request.Value, "the comment"), state, Text(request.Value, "the comment"), now, Reviewer),
            _ => throw new ReviewRequestException($"field must be {ReviewFields.English}, {ReviewFields.State} or {ReviewFields.Comment}, not '{request.Field}'"),
        };
        _reviews.Record([edit]);
        if (sentence is not null && edit.State == ReviewStates.Approved && english is not null)
        {
            var prompt = written.Translation.Provenance?.Prompts?.FirstOrDefault(p => p.Stage == "translate")?.Version;
            _reviews.UpsertTm([new TmEntry(sentence.Ar, english, JobId, article, item, prompt, Reviewer, now)]);
        }

        var after = _reviews.Latest(JobId, article)[(article, item)];
        return new ReviewedItem(article, item, after.State, after.English ?? sentence?.En ?? claim!.En, after.Comment, Reviewer);
    }

    private ReviewEdit StateEdit(string article, string item, string state, ReviewRequest request, bool untranslated, DateTimeOffset now)
    {
        var next = request.Value is { } value && ReviewStates.All.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new ReviewRequestException($"state must be one of {string.Join(", ", ReviewStates.All)}, not '{request.Value}'");
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : Text(request.Comment, "the comment");
        if (next == ReviewStates.Rejected && comment is null)
        {
            throw new ReviewRequestException($"rejecting {item} needs a comment saying why");
        }

        if (next == ReviewStates.Approved && untranslated)
        {
            throw new ReviewRequestException($"{item} has no English to approve: edit it first");
        }

        return new ReviewEdit(JobId, article, item, ReviewFields.State, state, next, next, comment, now, Reviewer);
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ReviewRequestException($"the edit names no {name}") : value;

    /// <summary>A plain-text field: trimmed, not empty, within <see cref="ReviewLimits.MaxText"/>.</summary>
    private static string Text(string? value, string name)
    {
        var text = value?.Trim() ?? string.Empty;
        return text.Length == 0 ? throw new ReviewRequestException($"{name} is empty")
            : text.Length > ReviewLimits.MaxText ? throw new ReviewRequestException($"{name} is longer than {ReviewLimits.MaxText} characters")
            : text;
    }
}

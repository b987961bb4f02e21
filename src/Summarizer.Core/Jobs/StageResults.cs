using Summarizer.Core.Outputs;
using Summarizer.Core.Stages;
using Summarizer.Core.Validation;

namespace Summarizer.Core.Jobs;

/// <summary>
/// What a stage kept from an article besides its main result: failures, flags raised on sentences, and items a content
/// filter stopped or the model refused. Pieces of work that run at once each return their own and are joined in reading
/// order, so an article comes out the same whatever order the answers arrive in.
/// </summary>
public sealed record StageNotes(IReadOnlyList<Failure> Failures, IReadOnlyList<(string Sentence, Flag Flag)> Flags, IReadOnlyList<FilteredItem> Filtered)
{
    /// <summary>Gets notes with nothing in them.</summary>
    public static StageNotes None { get; } = new([], [], []);

    /// <summary>Notes holding one failure.</summary>
    public static StageNotes Of(Failure failure) => new([failure], [], []);

    /// <summary>These notes followed by another piece's.</summary>
    public StageNotes Then(StageNotes next) =>
        ReferenceEquals(next, None) ? this : ReferenceEquals(this, None) ? next : new([.. Failures, .. next.Failures], [.. Flags, .. next.Flags], [.. Filtered, .. next.Filtered]);
}

/// <summary>
/// Translate's result for some of an article's sentences: the English by sentence id, and its notes. English that did
/// not come from the model (a reviewer's edit, the translation memory) has an origin in <see cref="Origins"/>.
/// </summary>
public sealed record ArticleTranslation(IReadOnlyDictionary<string, string> English, StageNotes Notes)
{
    private readonly IReadOnlyDictionary<string, string>? _context;

    /// <summary>Gets a translation of nothing.</summary>
    public static ArticleTranslation None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), StageNotes.None);

    /// <summary>
    /// Gets the English a later chunk's translate call shows as context: the model's own where it translated the
    /// sentence, so that replacing a sentence's English never changes another call's input (and cache key).
    /// </summary>
    public IReadOnlyDictionary<string, string> ContextEnglish
    {
        get => _context ?? English;
        init => _context = value;
    }

    /// <summary>Gets where English not written by the model came from, by sentence id (<see cref="SentenceOrigins"/>).</summary>
    public IReadOnlyDictionary<string, string> Origins { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>This translation followed by the next piece's (sentences are disjoint).</summary>
    public ArticleTranslation Then(ArticleTranslation next) =>
        new(Join(English, next.English), Notes.Then(next.Notes))
        {
            ContextEnglish = Join(ContextEnglish, next.ContextEnglish),
            Origins = Join(Origins, next.Origins),
        };

    private static Dictionary<string, string> Join(IReadOnlyDictionary<string, string> first, IReadOnlyDictionary<string, string> second)
    {
        var joined = new Dictionary<string, string>(first, StringComparer.Ordinal);
        foreach (var (id, value) in second)
        {
            joined[id] = value;
        }

        return joined;
    }
}

/// <summary>Summarize's result for one chunk (or a split part of it): its valid claims in answer order, and its notes.</summary>
public sealed record ChunkClaims(IReadOnlyList<ClaimDraft> Claims, StageNotes Notes)
{
    /// <summary>Gets no claims and no notes.</summary>
    public static ChunkClaims None { get; } = new([], StageNotes.None);

    /// <summary>These claims followed by the next piece's (the second half of a split after the first).</summary>
    public ChunkClaims Then(ChunkClaims next) => new([.. Claims, .. next.Claims], Notes.Then(next.Notes));
}

/// <summary>Merge's result for an article: the summary when valid, the final claims with ids and flags, its notes, and why the article failed if it did.</summary>
public sealed record ArticleSummary(MergeOutput? Summary, IReadOnlyList<Claim> Claims, StageNotes Notes, string? FailedReason);

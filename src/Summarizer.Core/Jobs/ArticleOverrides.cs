using Summarizer.Core.Stages;

namespace Summarizer.Core.Jobs;

/// <summary>English for one sentence that does not come from the model: a reviewer's edit or a translation-memory match.</summary>
/// <param name="English">The English to use.</param>
/// <param name="Origin">Where it came from (<see cref="Outputs.SentenceOrigins"/>).</param>
public sealed record SentenceOverride(string English, string Origin)
{
    /// <summary>
    /// Gets the English the next chunk's translate call shows as context for this sentence when its chunk makes no call
    /// (every sentence overridden), or null to show <see cref="English"/>. Apply passes the model's English of the
    /// reviewed job, so that the next chunk's translate input, and so its cache key, does not change with an edit.
    /// </summary>
    public string? ContextEnglish { get; init; }
}

/// <summary>A claim a reviewer rejected in an earlier job, recognised in a new job by its text and its sources.</summary>
/// <param name="Id">Its id in the reviewed job (<c>k3</c>).</param>
/// <param name="En">Its English there.</param>
/// <param name="Sources">The sentences it cited.</param>
public sealed record RejectedClaim(string Id, string En, IReadOnlyList<string> Sources)
{
    /// <summary>Whether a claim says the same (whitespace and case aside) from the same sentences.</summary>
    public bool Matches(string en, IReadOnlyList<string> sources) =>
        string.Equals(Store.TmKey.CollapseWhitespace(en), Store.TmKey.CollapseWhitespace(En), StringComparison.OrdinalIgnoreCase)
        && sources.Order(StringComparer.Ordinal).SequenceEqual(Sources.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Whether a chunk's claim is this one.</summary>
    public bool Matches(ClaimDraft claim) => Matches(claim.En, claim.Sources);
}

/// <summary>
/// What replaces the model's work in one article: English by sentence id (a chunk whose sentences all have one makes no
/// translate call), and claims to leave out of merge and brief.
/// </summary>
/// <param name="Sentences">English by sentence id.</param>
/// <param name="RejectedClaims">Claims to leave out.</param>
public sealed record ArticleOverrides(IReadOnlyDictionary<string, SentenceOverride> Sentences, IReadOnlyList<RejectedClaim> RejectedClaims)
{
    /// <summary>Gets no overrides: the article runs exactly as it would without reviews or translation memory.</summary>
    public static ArticleOverrides None { get; } = new(new Dictionary<string, SentenceOverride>(StringComparer.Ordinal), []);

    /// <summary>Whether a claim is one a reviewer rejected.</summary>
    public bool IsRejected(string en, IReadOnlyList<string> sources) => RejectedClaims.Any(r => r.Matches(en, sources));
}

using Summarizer.Core.Outputs;
using Summarizer.Core.Stages;
using Summarizer.Core.Validation;

namespace Summarizer.Core.Rendering;

/// <summary>
/// What both briefing files show, worked out once: the brief's text, every cited sentence numbered in reading order with
/// its Arabic and English, and what the briefing leaves out or flags. <see cref="BriefingMarkdown"/> and
/// <see cref="BriefingPage"/> only draw it.
/// </summary>
public sealed class Briefing
{
    private readonly Dictionary<string, BriefingSource> _sources = new(StringComparer.Ordinal);
    private readonly List<BriefingSource> _numbered = [];

    private Briefing(BriefOutput? output, IReadOnlyList<ArticleResult> works, IReadOnlyList<Failure> briefFailures)
    {
        Title = output?.Title is { Length: > 0 } title ? title : "Briefing";
        Sections = output?.Sections ?? [];
        Conflicts = output?.Conflicts ?? [];
        Filtered = works.SelectMany(w => w.Filtered).ToList();
        // An article that failed as a whole may have no item failures to show for it; it is named all the same.
        Failures = works.SelectMany(w => w.Status == JobStatuses.Failed && w.Failures.Count == 0
                ? [new Failure(w.Article.Id, "article", "whole article", w.Reason ?? JobStatuses.Failed)]
                : w.Failures)
            .Concat(briefFailures).ToList();
        FlaggedClaims = works.SelectMany(w => w.Claims.Where(c => c.Flags.Count > 0).Select(c => new FlaggedClaim(w.Article.Id, c))).ToList();
    }

    /// <summary>Gets the briefing's title.</summary>
    public string Title { get; }

    /// <summary>Gets the sections; paragraphs keep their <c>[article:s4]</c> markers for the renderers to draw.</summary>
    public IReadOnlyList<BriefSection> Sections { get; }

    /// <summary>Gets where the sources disagree.</summary>
    public IReadOnlyList<BriefConflict> Conflicts { get; }

    /// <summary>Gets every cited sentence, numbered in the order a reader meets it.</summary>
    public IReadOnlyList<BriefingSource> Sources => _numbered;

    /// <summary>Gets the items the content filter stopped.</summary>
    public IReadOnlyList<FilteredItem> Filtered { get; }

    /// <summary>Gets what failed and is therefore not in the briefing.</summary>
    public IReadOnlyList<Failure> Failures { get; }

    /// <summary>Gets the claims a check flagged, with their article.</summary>
    public IReadOnlyList<FlaggedClaim> FlaggedClaims { get; }

    /// <summary>Builds the briefing of a job from its articles and the brief stage's result.</summary>
    public static Briefing Build(IReadOnlyList<ArticleResult> works, BriefResult brief)
    {
        var briefing = new Briefing(brief.Output, works, brief.Failures);
        var byArticle = works.ToDictionary(w => w.Article.Id, StringComparer.Ordinal);
        var cited = briefing.Sections.SelectMany(s => s.Paragraphs).SelectMany(Citations.Parse)
            .Concat(briefing.Conflicts.SelectMany(c => c.Sources));
        foreach (var source in cited)
        {
            if (!briefing._sources.ContainsKey(source))
            {
                var resolved = Resolve(briefing._numbered.Count + 1, source, byArticle);
                briefing._sources[source] = resolved;
                briefing._numbered.Add(resolved);
            }
        }

        return briefing;
    }

    /// <summary>Gets the cited sentences of a citation marker or conflict, numbered.</summary>
    public IReadOnlyList<BriefingSource> Cited(IReadOnlyList<string> sources) => [.. sources.Select(s => _sources[s])];

    private static BriefingSource Resolve(int number, string source, Dictionary<string, ArticleResult> works)
    {
        var (article, sentence) = Citations.Split(source);
        if (article is null || !works.TryGetValue(article, out var work) || work.Sentences.FirstOrDefault(s => s.Id == sentence) is not { } found)
        {
            return new BriefingSource(number, source, article, sentence, null, null);
        }

        return new BriefingSource(number, source, article, sentence, found.Text, work.English.GetValueOrDefault(sentence));
    }
}

/// <summary>A sentence the briefing cites.</summary>
/// <param name="Number">Its footnote number, in reading order.</param>
/// <param name="Source">The citation as written (<c>article:s4</c>).</param>
/// <param name="Article">The article id, when the citation names one.</param>
/// <param name="Sentence">The sentence id.</param>
/// <param name="Arabic">The Arabic sentence; <see langword="null"/> when the citation names no sentence of the job.</param>
/// <param name="English">Its translation; <see langword="null"/> when it was not translated.</param>
public sealed record BriefingSource(int Number, string Source, string? Article, string Sentence, string? Arabic, string? English)
{
    /// <summary>Gets a value indicating whether the citation names a real sentence of the job.</summary>
    public bool Found => Arabic is not null;

    /// <summary>Gets the link, relative to the job folder, that opens the sentence in its article's side-by-side page.</summary>
    public string PageLink => JobLinks.SideBySide(Article ?? string.Empty, Sentence);
}

/// <summary>A claim flagged by a check, with the article it belongs to.</summary>
public sealed record FlaggedClaim(string Article, Claim Claim);

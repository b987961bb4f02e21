using Summarizer.Core.Segmentation;
using Summarizer.Core.Outputs;

namespace Summarizer.Core.Evaluation;

/// <summary>The differences between two runs: prompts used, per article the translation and claim changes, and the briefing's.</summary>
public sealed record JobDiff(JobSnapshot A, JobSnapshot B, IReadOnlyList<ArticleDiff> Articles)
{
    /// <summary>Gets the briefing lines only the first job has.</summary>
    public IReadOnlyList<string> BriefingRemoved { get; init; } = [];

    /// <summary>Gets the briefing lines only the second job has.</summary>
    public IReadOnlyList<string> BriefingAdded { get; init; } = [];

    /// <summary>Compares two job folders.</summary>
    public static JobDiff Between(string directoryA, string directoryB)
    {
        var a = JobSnapshot.Read(directoryA);
        var b = JobSnapshot.Read(directoryB);
        var chrf = new ChrF();
        var ids = a.Articles.Keys.Union(b.Articles.Keys).Order(StringComparer.Ordinal);
        return new JobDiff(a, b, ids.Select(id => Compare(id, a.Articles.GetValueOrDefault(id), b.Articles.GetValueOrDefault(id), chrf)).ToList())
        {
            BriefingRemoved = a.Briefing.Except(b.Briefing, StringComparer.Ordinal).ToList(),
            BriefingAdded = b.Briefing.Except(a.Briefing, StringComparer.Ordinal).ToList(),
        };
    }

    private static ArticleDiff Compare(string id, ArticleSnapshot? a, ArticleSnapshot? b, ChrF chrf)
    {
        if (a is null || b is null)
        {
            return new ArticleDiff(id, a is not null, b is not null, [], [], [], [], null);
        }

        var sentences = a.Sentences.Keys.Intersect(b.Sentences.Keys)
            .Where(s => !string.Equals(a.Sentences[s].En, b.Sentences[s].En, StringComparison.Ordinal))
            .OrderBy(SentenceIds.Position)
            .Select(s => new SentenceChange(s, a.Sentences[s].Ar, a.Sentences[s].En, b.Sentences[s].En) { OriginB = b.Origins.GetValueOrDefault(s) })
            .ToList();
        var pairs = a.Sentences.Keys.Intersect(b.Sentences.Keys).Select(s => (b.Sentences[s].En ?? string.Empty, a.Sentences[s].En ?? string.Empty));
        var score = chrf.Corpus(pairs);

        // Claims are matched by the sentences they cite: same sources with other words is a change, not a new claim.
        var remaining = b.Claims.ToList();
        var changed = new List<(ClaimSnapshot, ClaimSnapshot)>();
        var disappeared = new List<ClaimSnapshot>();
        foreach (var claim in a.Claims)
        {
            var same = remaining.FirstOrDefault(c => c.En == claim.En) ?? remaining.FirstOrDefault(c => c.SourceKey == claim.SourceKey);
            if (same is null)
            {
                disappeared.Add(claim);
                continue;
            }

            remaining.Remove(same);
            if (same.En != claim.En)
            {
                changed.Add((claim, same));
            }
        }

        return new ArticleDiff(id, true, true, sentences, remaining, disappeared, changed, score);
    }
}

/// <summary>One article's differences; <see cref="ChrF"/> scores B's translation against A's (100 = identical).</summary>
public sealed record ArticleDiff(
    string Id,
    bool InA,
    bool InB,
    IReadOnlyList<SentenceChange> ChangedSentences,
    IReadOnlyList<ClaimSnapshot> Appeared,
    IReadOnlyList<ClaimSnapshot> Disappeared,
    IReadOnlyList<(ClaimSnapshot A, ClaimSnapshot B)> Changed,
    double? ChrF)
{
    /// <summary>Gets a value indicating whether anything differs.</summary>
    public bool HasChanges => !InA || !InB || ChangedSentences.Count + Appeared.Count + Disappeared.Count + Changed.Count > 0;
}

/// <summary>A sentence whose translation differs between the runs.</summary>
public sealed record SentenceChange(string Id, string Ar, string? EnA, string? EnB)
{
    /// <summary>Gets where the second run's English came from when not from the model (<see cref="SentenceOrigins"/>): a reviewer's edit shows as <c>human</c>.</summary>
    public string? OriginB { get; init; }
}

/// <summary>What the diff needs of one job folder.</summary>
public sealed record JobSnapshot(string JobId, string Directory, IReadOnlyList<(string Stage, string Version, string Sha256)> Prompts, IReadOnlyDictionary<string, ArticleSnapshot> Articles)
{
    /// <summary>Gets the briefing's lines (<c>briefing.md</c>), without blank lines and the line naming the job; empty when it has none.</summary>
    public IReadOnlyList<string> Briefing { get; init; } = [];

    /// <summary>Reads a job folder's manifest and article files through the records they were written from.</summary>
    public static JobSnapshot Read(string directory)
    {
        var folder = new JobFolder(directory);
        var manifest = folder.ReadManifest();
        var prompts = manifest.Provenance.Prompts.Select(p => (p.Stage, p.Version, p.Sha256)).ToList();
        var articles = folder.ArticleIds()
            .Select(folder.ReadArticle)
            .OfType<WrittenArticle>()
            .Select(ArticleSnapshot.Of)
            .ToDictionary(a => a.Id, StringComparer.Ordinal);
        var briefing = folder.File(JobFolder.BriefingMarkdown);
        return new JobSnapshot(manifest.JobId, directory, prompts, articles)
        {
            Briefing = File.Exists(briefing)
                ? File.ReadAllLines(briefing).Where(l => l.Trim().Length > 0 && !l.Contains(manifest.JobId, StringComparison.Ordinal)).ToList()
                : [],
        };
    }
}

/// <summary>One article of a job folder: sentences by id and claims.</summary>
public sealed record ArticleSnapshot(string Id, IReadOnlyDictionary<string, (string Ar, string? En)> Sentences, IReadOnlyList<ClaimSnapshot> Claims)
{
    /// <summary>The diff's view of an article's files.</summary>
    public static ArticleSnapshot Of(WrittenArticle article) => new(
        article.Translation.Article,
        article.Translation.Sentences.ToDictionary(s => s.Id, s => (s.Ar, s.En), StringComparer.Ordinal),
        article.Claims.Claims.Select(c => new ClaimSnapshot(c.Id, c.En, c.Sources)).ToList())
    {
        Files = article,
        Origins = article.Translation.Sentences.Where(s => s.Origin is not null).ToDictionary(s => s.Id, s => s.Origin!, StringComparer.Ordinal),
    };

    /// <summary>Gets where English not written by the model came from, by sentence id.</summary>
    public IReadOnlyDictionary<string, string> Origins { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the files the snapshot was read from.</summary>
    public WrittenArticle? Files { get; init; }
}

/// <summary>A claim as the diff sees it.</summary>
public sealed record ClaimSnapshot(string Id, string En, IReadOnlyList<string> Sources)
{
    /// <summary>Gets the cited sentences as one comparable key.</summary>
    public string SourceKey => string.Join(',', Sources.Order(StringComparer.Ordinal));
}

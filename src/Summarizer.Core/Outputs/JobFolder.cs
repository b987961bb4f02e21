using Summarizer.Core.Files;
namespace Summarizer.Core.Outputs;

/// <summary>
/// The layout of a job's output folder: the one place that names its files. Writers, readers (diff, QA, eval, rerun,
/// resume), the pages' links and the CLI all take their paths from here.
/// </summary>
/// <param name="Path">The job folder.</param>
public sealed record JobFolder(string Path)
{
    /// <summary>The job's provenance, settings, per-article status and usage.</summary>
    public const string Manifest = "manifest.json";

    /// <summary>The QA findings.</summary>
    public const string Qa = "qa.json";

    /// <summary>The scores against references (written by <c>eval</c>).</summary>
    public const string Eval = "eval.json";

    /// <summary>The job's overview page.</summary>
    public const string Index = "index.html";

    /// <summary>The briefing as a page.</summary>
    public const string BriefingPage = "briefing.html";

    /// <summary>The briefing as Markdown.</summary>
    public const string BriefingMarkdown = "briefing.md";

    /// <summary>A re-run's comparison with the job it re-runs, as a page.</summary>
    public const string DiffPage = "diff.html";

    /// <summary>A re-run's comparison with the job it re-runs, as Markdown.</summary>
    public const string DiffMarkdown = "diff.md";

    /// <summary>The folder holding one folder per article.</summary>
    public const string Articles = "articles";

    /// <summary>An article's sentences with their English and flags.</summary>
    public const string Translation = "translation.json";

    /// <summary>An article's claims with their sources and flags.</summary>
    public const string Claims = "claims.json";

    /// <summary>An article's bilingual summary.</summary>
    public const string Summary = "summary.md";

    /// <summary>An article's side-by-side review page.</summary>
    public const string SideBySide = "side-by-side.html";

    /// <summary>The folder holding the review exchange files (XLIFF, TMX) exported for a CAT tool.</summary>
    public const string Review = "review";

    /// <summary>The extension of an exported XLIFF file (1.2 and 2.x alike).</summary>
    public const string XliffExtension = ".xlf";

    /// <summary>The extension of an exported TMX file.</summary>
    public const string TmxExtension = ".tmx";

    /// <summary>Gets the path of a file at the top of the job folder (one of the names above).</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Gets an article's folder.</summary>
    public string Article(string articleId) => System.IO.Path.Combine(Path, Articles, articleId);

    /// <summary>Gets the path of one of an article's files.</summary>
    public string ArticleFile(string articleId, string name) => System.IO.Path.Combine(Article(articleId), name);

    /// <summary>Gets the default path of an exported review file: <c>review/&lt;job-id&gt;&lt;extension&gt;</c>.</summary>
    public string ReviewFile(string jobId, string extension) => System.IO.Path.Combine(Path, Review, jobId + extension);

    /// <summary>Says that a job the store knows has lost its folder, and what to do about it.</summary>
    public static string Missing(string jobId, string directory) =>
        $"job folder {directory} is missing (the job {jobId} is still in the store; use 'summarizer rerun {jobId}' to rebuild it, or 'summarizer jobs prune' to forget it)";

    /// <summary>Gets a value indicating whether the folder holds a job (its manifest is there).</summary>
    public bool HasManifest => System.IO.File.Exists(File(Manifest));

    /// <summary>Gets the ids of the articles that have a folder in the job, in ordinal order.</summary>
    public IReadOnlyList<string> ArticleIds()
    {
        var root = System.IO.Path.Combine(Path, Articles);
        return Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => System.IO.Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>Reads an article's <c>translation.json</c> and <c>claims.json</c>; null when either is missing or damaged.</summary>
    public WrittenArticle? ReadArticle(string articleId)
    {
        var translation = ReadOrNull<TranslationFile>(ArticleFile(articleId, Translation));
        var claims = ReadOrNull<ClaimsFile>(ArticleFile(articleId, Claims));
        return translation is null || claims is null ? null : new WrittenArticle(translation, claims);
    }

    /// <summary>Writes an article's <c>translation.json</c> and <c>claims.json</c>.</summary>
    public void WriteArticle(WrittenArticle article)
    {
        AtomicFile.WriteAllText(ArticleFile(article.Translation.Article, Translation), OutputJson.Serialize(article.Translation));
        AtomicFile.WriteAllText(ArticleFile(article.Claims.Article, Claims), OutputJson.Serialize(article.Claims));
    }

    /// <summary>Reads <c>manifest.json</c>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="System.Text.Json.JsonException">The file is not a manifest.</exception>
    public Manifest ReadManifest() =>
        System.Text.Json.JsonSerializer.Deserialize<Manifest>(System.IO.File.ReadAllText(File(Manifest)), OutputJson.Options)
        ?? throw new System.Text.Json.JsonException($"{File(Manifest)} is empty");

    /// <summary>Reads <c>qa.json</c>; null when the job has none.</summary>
    public QaReport? ReadQa() => ReadOrNull<QaReport>(File(Qa));

    /// <summary>Reads an article's <c>translation.json</c>; null when the article has none.</summary>
    /// <exception cref="JobFileException">The file is there but cannot be read.</exception>
    public TranslationFile? ReadTranslationOrThrow(string articleId) => ReadOrThrow<TranslationFile>(ArticleFile(articleId, Translation));

    /// <summary>Reads an article's <c>claims.json</c>; null when the article has none.</summary>
    /// <exception cref="JobFileException">The file is there but cannot be read.</exception>
    public ClaimsFile? ReadClaimsOrThrow(string articleId) => ReadOrThrow<ClaimsFile>(ArticleFile(articleId, Claims));

    /// <summary>Reads <c>qa.json</c>; null when the job has none.</summary>
    /// <exception cref="JobFileException">The file is there but cannot be read.</exception>
    public QaReport? ReadQaOrThrow() => ReadOrThrow<QaReport>(File(Qa));

    /// <summary>Writes a JSON file at the top of the job folder (one of the names above) from its record.</summary>
    public void WriteJson<T>(string name, T value) => AtomicFile.WriteAllText(File(name), OutputJson.Serialize(value));

    /// <summary>Writes a text file (page, Markdown) at the top of the job folder.</summary>
    public void WriteText(string name, string text) => AtomicFile.WriteAllText(File(name), text);

    /// <summary>Writes one of an article's text files (page, Markdown).</summary>
    public void WriteArticleText(string articleId, string name, string text) => AtomicFile.WriteAllText(ArticleFile(articleId, name), text);

    /// <summary>Reads a JSON file through the record it was written from; null when it is missing or damaged by hand.</summary>
    private static T? ReadOrNull<T>(string path)
        where T : class
    {
        try
        {
            return ReadOrThrow<T>(path);
        }
        catch (JobFileException)
        {
            return null;
        }
    }

    /// <summary>Reads a JSON file through the record it was written from; null when it is missing.</summary>
    /// <exception cref="JobFileException">The file is there but empty (JSON null) or not the record: one line naming it.</exception>
    private static T? ReadOrThrow<T>(string path)
        where T : class
    {
        if (!System.IO.File.Exists(path))
        {
            return null;
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<T>(System.IO.File.ReadAllText(path), OutputJson.Options)
                ?? throw new JobFileException($"{path} is empty (null): run the job again with 'summarizer rerun'");
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException)
        {
            throw new JobFileException($"{path} cannot be read ({ex.Message.Split('\n')[0].TrimEnd('.')}): run the job again with 'summarizer rerun'");
        }
    }
}

using Summarizer.Core.Segmentation;
using Summarizer.Core.Validation;
using Summarizer.Core.Outputs;

namespace Summarizer.Core.Evaluation;

/// <summary>
/// Scores a job's translations against reference English — a folder of <c>&lt;article-id&gt;.txt</c> files (one sentence
/// per line, line N for sentence sN; a blank line is an empty reference) or another job — with chrF2, chrF2++ and BLEU
/// exactly as sacreBLEU computes them, per article and for the corpus, and measures the claims: the share of citations
/// that resolve and the share of claims flagged unsupported_number.
/// </summary>
public static class JobEvaluation
{
    /// <summary>Evaluates the job folder against the references (a folder of .txt files or a job folder).</summary>
    public static EvaluationReport Evaluate(string jobDirectory, string references)
    {
        var job = JobSnapshot.Read(jobDirectory);
        var referenceJob = new JobFolder(references).HasManifest ? JobSnapshot.Read(references) : null;
        var chrf = new ChrF();
        var chrfpp = new ChrF(wordOrder: 2);
        var articles = new List<ArticleEvaluation>();
        var corpus = new List<(string, string)>();
        int allCited = 0, allValid = 0, allClaims = 0, allUnsupported = 0;
        foreach (var (id, article) in job.Articles.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var ids = SentenceIds.InReadingOrder(article.Sentences.Keys).ToList();
            var (lines, problem) = ReferenceLines(id, ids, referenceJob, references);
            var (cited, valid, claims, unsupported) = ClaimStats(article);
            (allCited, allValid, allClaims, allUnsupported) = (allCited + cited, allValid + valid, allClaims + claims, allUnsupported + unsupported);
            if (lines is null)
            {
                articles.Add(new ArticleEvaluation(id, null, null, null, cited == 0 ? null : (double)valid / cited, claims == 0 ? null : (double)unsupported / claims, problem));
                continue;
            }

            var pairs = ids.Select((s, i) => (article.Sentences[s].En ?? string.Empty, lines[i])).ToList();
            corpus.AddRange(pairs);
            articles.Add(new ArticleEvaluation(
                id, chrf.Corpus(pairs), chrfpp.Corpus(pairs), Bleu.Corpus(pairs),
                cited == 0 ? null : (double)valid / cited, claims == 0 ? null : (double)unsupported / claims, null));
        }

        return new EvaluationReport(
            job.JobId,
            referenceJob?.JobId ?? Path.GetFullPath(references),
            new EvaluationSignatures(chrf.Signature, chrfpp.Signature, Bleu.Signature),
            corpus.Count == 0 ? null : chrf.Corpus(corpus),
            corpus.Count == 0 ? null : chrfpp.Corpus(corpus),
            corpus.Count == 0 ? null : Bleu.Corpus(corpus),
            allCited == 0 ? null : (double)allValid / allCited,
            allClaims == 0 ? null : (double)allUnsupported / allClaims,
            articles);
    }

    /// <summary>The reference for each sentence id, in the order given; a blank line is an empty reference, as in sacreBLEU.</summary>
    private static (IReadOnlyList<string>? Lines, string? Problem) ReferenceLines(string id, List<string> sentenceIds, JobSnapshot? referenceJob, string references)
    {
        if (referenceJob is not null)
        {
            if (!referenceJob.Articles.TryGetValue(id, out var other))
            {
                return (null, $"no article {id} in the reference job");
            }

            return (sentenceIds.Select(s => other.Sentences.TryGetValue(s, out var o) ? o.En ?? string.Empty : string.Empty).ToList(), null);
        }

        var path = Path.Combine(references, id + ".txt");
        if (!File.Exists(path))
        {
            return (null, $"no reference file {id}.txt");
        }

        var lines = ReadLines(path);
        return lines.Length == sentenceIds.Count
            ? (lines, null)
            : (null, $"{id}.txt has {lines.Length} lines for {sentenceIds.Count} sentences");
    }

    /// <summary>Reads a reference file's lines as sacreBLEU's command line does: split on '\n' only, each right-stripped.</summary>
    /// <remarks>
    /// Blank lines stay: dropping them would shift every later reference onto the wrong sentence and leave the article
    /// unscored. A lone '\r' or U+2028 does not end a line for sacreBLEU, so it does not here either.
    /// </remarks>
    private static string[] ReadLines(string path)
    {
        var text = File.ReadAllText(path);
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.Split('\n').Select(SacreBleuText.TrimEnd).ToList();
        if (text.EndsWith('\n'))
        {
            // A final '\n' ends the last line; it does not start an empty one.
            lines.RemoveAt(lines.Count - 1);
        }

        return [.. lines];
    }

    /// <summary>Citations in claims and the English summary that name a sentence of the article; claims flagged unsupported_number.</summary>
    private static (int Cited, int Valid, int Claims, int Unsupported) ClaimStats(ArticleSnapshot article)
    {
        var claims = article.Files!.Claims;
        var sources = claims.Claims.SelectMany(c => c.Sources).ToList();
        if (claims.SummaryEn is { } summary)
        {
            sources.AddRange(Citations.Parse(summary));
        }

        var unsupported = claims.Claims.Count(c => c.Flags.Any(f => f.Code == FlagCodes.UnsupportedNumber));
        return (sources.Count, sources.Count(article.Sentences.ContainsKey), claims.Claims.Count, unsupported);
    }
}

/// <summary>What <c>summarizer eval</c> reports and writes to <c>eval.json</c>.</summary>
public sealed record EvaluationReport(
    string Job,
    string References,
    EvaluationSignatures Signatures,
    double? ChrF,
    double? ChrFPlusPlus,
    double? Bleu,
    double? CitationValidity,
    double? UnsupportedClaimRate,
    IReadOnlyList<ArticleEvaluation> Articles);

/// <summary>sacreBLEU's signatures of the metrics, e.g. <c>nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0</c>.</summary>
public sealed record EvaluationSignatures(string ChrF, string ChrFPlusPlus, string Bleu);

/// <summary>One article's scores; <see cref="Problem"/> says why a translation score is missing.</summary>
public sealed record ArticleEvaluation(string Id, double? ChrF, double? ChrFPlusPlus, double? Bleu, double? CitationValidity, double? UnsupportedClaimRate, string? Problem);

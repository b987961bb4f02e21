using System.Globalization;
using System.Text.Json.Nodes;
using Summarizer.Core.Outputs;

namespace Summarizer.Testing;

/// <summary>
/// What tests of reviewers' edits share: a model whose claims quote the English they cite (so an edited sentence
/// changes its chunk's claims, and merge and brief must run again), and a chunk of an article to edit.
/// </summary>
public static class ReviewScenario
{
    /// <summary>Source tokens per chunk small enough that seed articles have several chunks and an edit touches one.</summary>
    public const int ChunkTokens = 120;

    /// <summary>Answers summarize calls with the fake model's claims, each quoting the English of its source sentence.</summary>
    public static FakeModelReply? QuotingEnglish(FakeModelRequest request) =>
        request.Stage == "summarize" ? FakeModelReply.Content(ClaimsQuotingEnglish(request.Input)) : null;

    /// <summary>The fake model's claims, each quoting the English of its source sentence (as a real summary would draw on it).</summary>
    public static string ClaimsQuotingEnglish(JsonObject input)
    {
        var english = (input["sentences"] as JsonArray ?? []).ToDictionary(s => s!["id"]!.GetValue<string>(), s => s!["en"]!.GetValue<string>());
        var answer = JsonNode.Parse(FakeModel.Answer("summarize", input))!.AsObject();
        foreach (var claim in answer["claims"]!.AsArray().OfType<JsonObject>())
        {
            var source = claim["sources"]![0]!.GetValue<string>();
            claim["en"] = claim["en"]!.GetValue<string>().TrimEnd('.') + " says: " + english[source];
        }

        return answer.ToJsonString(FakeModel.Literal);
    }

    /// <summary>An article of the job with two chunks or more, and the ids of one of its chunks of two sentences or more that is not its last.</summary>
    public static (string Article, IReadOnlyList<string> Chunk) ArticleWithSeveralChunks(string jobDirectory, IEnumerable<FakeModelRequest> requests)
    {
        var folder = new JobFolder(jobDirectory);
        var articles = folder.ArticleIds()
            .SelectMany(id => folder.ReadArticle(id)!.Translation.Sentences.Select(s => (Key: s.Id + "\n" + s.Ar, Article: id)))
            .ToLookup(s => s.Key, s => s.Article);
        foreach (var article in requests.Where(r => r.Stage == "translate").GroupBy(r => articles[First(r.Input)].Single()))
        {
            var chunks = article.Select(r => SentenceIds(r.Input)).DistinctBy(ids => string.Join(',', ids)).OrderBy(ids => Position(ids[0])).ToList();
            if (chunks.Count >= 2 && chunks.SkipLast(1).FirstOrDefault(c => c.Count >= 2) is { } chunk)
            {
                return (article.Key, chunk);
            }
        }

        throw new InvalidOperationException($"no article of {jobDirectory} has two chunks; lower {nameof(ChunkTokens)}");
    }

    /// <summary>The ids of the sentences a translate or summarize call was given.</summary>
    public static List<string> SentenceIds(JsonObject input) => (input["sentences"] as JsonArray ?? []).Select(s => s!["id"]!.GetValue<string>()).ToList();

    /// <summary>How many requests of each stage were sent.</summary>
    public static Dictionary<string, int> Stages(IEnumerable<FakeModelRequest> requests) =>
        requests.GroupBy(r => r.Stage).ToDictionary(g => g.Key, g => g.Count());

    private static string First(JsonObject input) => input["sentences"]![0]!["id"]!.GetValue<string>() + "\n" + input["sentences"]![0]!["ar"]!.GetValue<string>();

    private static int Position(string id) => int.Parse(id.TrimStart('s'), CultureInfo.InvariantCulture);
}

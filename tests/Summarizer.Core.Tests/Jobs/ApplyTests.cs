using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Evaluation;
using Summarizer.Core.Jobs;
using Summarizer.Core.Outputs;
using Summarizer.Core.Prompts;
using Summarizer.Core.Quality;
using Summarizer.Core.Store;
using Summarizer.Core.Validation;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Jobs;

/// <summary>
/// <c>apply</c> through the real JobRunner against the loopback server: reviewers' English replaces the model's, only
/// what depends on an edit is paid for, rejected claims are gone from merge and brief, and QA checks human English
/// like the model's.
/// </summary>
public sealed class ApplyTests(Xunit.Abstractions.ITestOutputHelper output) : LoopbackServerTest, IAsyncLifetime
{
    private const int ChunkTokens = ReviewScenario.ChunkTokens;

    [Fact]
    public async Task Two_edits_in_one_chunk_pay_one_summarize_one_merge_and_one_brief_and_a_rejected_claim_is_gone()
    {
        // A model's claims say what the English says, so an edited sentence changes its chunk's claims.
        Server.Override = ReviewScenario.QuotingEnglish;
        var runner = Services().GetRequiredService<JobRunner>();
        var first = await runner.RunAsync(new JobRequest([RepositoryPaths.Seeds]) { ChunkTokens = ChunkTokens });
        Assert.Equal(JobStatuses.Done, first.Status);
        var (article, chunk) = ArticleWithSeveralChunks(first.JobDirectory);
        var edited = chunk.TakeLast(2).ToList();
        var claims = new JobFolder(first.JobDirectory).ReadArticle(article)!.Claims.Claims;
        var rejected = claims.First(c => c.Sources.All(s => !chunk.Contains(s)));
        var briefingBefore = File.ReadAllText(Path.Combine(first.JobDirectory, JobFolder.BriefingMarkdown));
        Assert.Contains(rejected.En.TrimEnd('.'), briefingBefore, StringComparison.Ordinal);
        var reviews = Reviews();
        reviews.Record([
            Edit(first.JobId, article, edited[0], "The reviewer's first sentence.", ReviewStates.Reviewed),
            Edit(first.JobId, article, edited[1], "The reviewer's second sentence.", ReviewStates.Approved),
            new ReviewEdit(first.JobId, article, rejected.Id, ReviewFields.State, ReviewStates.Translated, ReviewStates.Rejected, ReviewStates.Rejected, "not in the article", DateTimeOffset.UtcNow, "rana"),
        ]);
        var before = ReviewScenario.Stages(Server.Requests);

        var applied = await runner.ApplyAsync(first.JobId, new JobRequest([]));

        var sent = ReviewScenario.Stages(Server.Requests.Skip(before.Values.Sum()));
        Assert.Equal(JobStatuses.Done, applied.Status);
        Assert.Equal(first.JobId, applied.Parent);
        Assert.Equal(new Dictionary<string, int> { ["summarize"] = 1, ["merge"] = 1, ["brief"] = 1 }, sent);
        var calls = new JobStore(JobStore.PathIn(Output.Path)).CallCounts(applied.JobId);
        Assert.Equal(
            [("brief", 1), ("merge", 1), ("summarize", 1)],
            calls.Where(c => c.Key.Outcome == CallOutcomes.Paid).Select(c => (c.Key.Stage, c.Value)).Order());
        Assert.Equal(first.Usage.Single(u => u.Stage == "summarize").Calls - 1, calls[("summarize", CallOutcomes.Reused)]);
        Assert.Equal(first.Articles.Count - 1, calls[("merge", CallOutcomes.Reused)]);
        Assert.Equal(first.JobId, StoredRequest.FromJson(new JobStore(JobStore.PathIn(Output.Path)).GetJob(applied.JobId)!.Request).AppliedFrom);

        // The reviewers' English, marked human, and nothing else changed in the translation.
        var written = new JobFolder(applied.JobDirectory).ReadArticle(article)!;
        Assert.Equal(
            [(edited[0], "The reviewer's first sentence.", "human"), (edited[1], "The reviewer's second sentence.", "human")],
            written.Translation.Sentences.Where(s => s.Origin is not null).Select(s => (s.Id, s.En, s.Origin)));
        Assert.Equal(2, Occurrences(File.ReadAllText(new JobFolder(applied.JobDirectory).ArticleFile(article, JobFolder.SideBySide)), "data-origin=\"human\""));
        Assert.DoesNotContain(written.Claims.Claims, c => c.En == rejected.En && c.Sources.SequenceEqual(rejected.Sources));
        Assert.DoesNotContain(rejected.En.TrimEnd('.'), File.ReadAllText(Path.Combine(applied.JobDirectory, JobFolder.BriefingMarkdown)), StringComparison.Ordinal);

        // The diff shows both edits as human, the claims they changed, the rejected claim gone, and the briefing's change.
        var diff = JobDiff.Between(first.JobDirectory, applied.JobDirectory);
        var changed = Assert.Single(diff.Articles, a => a.HasChanges);
        Assert.Equal(article, changed.Id);
        Assert.Equal(edited.Select(id => (id, (string?)"human")), changed.ChangedSentences.Select(c => (c.Id, c.OriginB)));
        Assert.Contains(changed.Disappeared, c => c.Id == rejected.Id);
        Assert.Equal(2, changed.Changed.Count(c => c.B.En.Contains("The reviewer's", StringComparison.Ordinal)));
        Assert.Contains(diff.BriefingAdded, line => line.Contains("The reviewer's", StringComparison.Ordinal));
        var markdown = File.ReadAllText(Path.Combine(applied.JobDirectory, JobFolder.DiffMarkdown));
        Assert.Contains($"| {edited[0]} (human) | ", markdown, StringComparison.Ordinal);
        Assert.Contains($"| {edited[1]} (human) | ", markdown, StringComparison.Ordinal);
        Assert.Contains("2 sentence(s) translated differently (2 by a reviewer (human))", markdown, StringComparison.Ordinal);
        Assert.Equal(2, Occurrences(File.ReadAllText(Path.Combine(applied.JobDirectory, JobFolder.DiffPage)), "data-origin=\"human\""));
    }

    [Fact]
    public async Task A_human_edit_that_drops_a_number_or_a_glossary_name_is_flagged_like_the_model_s()
    {
        var services = Services();
        var runner = services.GetRequiredService<JobRunner>();
        var first = await runner.RunAsync(new JobRequest([RepositoryPaths.Seeds]));
        var glossary = Glossary.Load(Path.Combine(RepositoryPaths.Root, "prompts"));
        var sentences = new JobFolder(first.JobDirectory).ArticleIds()
            .SelectMany(id => new JobFolder(first.JobDirectory).ReadArticle(id)!.Translation.Sentences.Select(s => (Article: id, Sentence: s)))
            .ToList();
        var withNumber = sentences.First(s => NumberExtractor.Extract(s.Sentence.Ar).Count > 0 && glossary.Find(s.Sentence.Ar).Count == 0);
        var withName = sentences.First(s => glossary.Find(s.Sentence.Ar).Count > 0 && NumberExtractor.Extract(s.Sentence.Ar).Count == 0);
        var qaBefore = new JobFolder(first.JobDirectory).ReadQa()!.Findings;
        Assert.DoesNotContain(qaBefore, f => (f.Article, f.Item) == (withNumber.Article, withNumber.Sentence.Id));
        Assert.DoesNotContain(qaBefore, f => (f.Article, f.Item) == (withName.Article, withName.Sentence.Id));
        Reviews().Record([
            Edit(first.JobId, withNumber.Article, withNumber.Sentence.Id, "A sentence without its figure.", ReviewStates.Approved),
            Edit(first.JobId, withName.Article, withName.Sentence.Id, "A sentence without the name.", ReviewStates.Reviewed),
        ]);

        var applied = await runner.ApplyAsync(first.JobId, new JobRequest([]));

        var qa = new JobFolder(applied.JobDirectory).ReadQa()!.Findings;
        Assert.Contains(qa, f => (f.Article, f.Item, f.Check) == (withNumber.Article, withNumber.Sentence.Id, QaChecks.NumberMismatch));
        Assert.Contains(qa, f => (f.Article, f.Item, f.Check) == (withName.Article, withName.Sentence.Id, FlagCodes.GlossaryMissing));
    }

    [Fact]
    public async Task A_second_job_on_an_article_whose_sentences_were_all_approved_makes_no_translate_call_unless_no_tm()
    {
        var runner = Services().GetRequiredService<JobRunner>();
        var seed = RepositoryPaths.Seed("002");
        var first = await runner.RunAsync(new JobRequest([seed]));
        var article = Assert.Single(first.Articles).Id;
        Approve(first.JobId, first.JobDirectory, article, (_, en) => en);
        var translates = Server.Count("translate");

        var second = await runner.RunAsync(new JobRequest([seed]));
        var third = await runner.RunAsync(new JobRequest([seed]) { NoTm = true });

        Assert.Equal(translates, Server.Count("translate"));
        var store = new JobStore(JobStore.PathIn(Output.Path));
        Assert.DoesNotContain(store.CallCounts(second.JobId), c => c.Key.Stage == "translate");
        var sentences = new JobFolder(second.JobDirectory).ReadArticle(article)!.Translation.Sentences;
        Assert.All(sentences, s => Assert.Equal("tm", s.Origin));
        Assert.Contains("data-origin=\"tm\"", File.ReadAllText(new JobFolder(second.JobDirectory).ArticleFile(article, JobFolder.SideBySide)), StringComparison.Ordinal);

        // --no-tm: every chunk goes to translate again (answered from the cache), and no sentence has an origin.
        Assert.Equal(first.Usage.Single(u => u.Stage == "translate").Calls, store.CallCounts(third.JobId)[("translate", CallOutcomes.Reused)]);
        Assert.All(new JobFolder(third.JobDirectory).ReadArticle(article)!.Translation.Sentences, s => Assert.Null(s.Origin));
    }

    [Fact]
    public async Task A_tm_rendering_that_differs_from_the_model_s_is_used_and_only_its_chunk_and_the_next_one_s_context_are_paid()
    {
        var runner = Services().GetRequiredService<JobRunner>();
        var seed = RepositoryPaths.Seed("002");
        var first = await runner.RunAsync(new JobRequest([seed]) { ChunkTokens = ChunkTokens });
        var article = Assert.Single(first.Articles).Id;
        var (_, chunk) = ArticleWithSeveralChunks(first.JobDirectory);

        // Only one chunk's sentences are approved, with the reviewer's wording: that chunk makes no translate call and one
        // new summarize; the chunk after it shows the approved English as context, so its translate input is new too.
        Approve(first.JobId, first.JobDirectory, article, (id, en) => chunk.Contains(id) ? "Approved: " + en : null);
        var requests = Server.Requests.Count;
        var second = await runner.RunAsync(new JobRequest([seed]) { ChunkTokens = ChunkTokens });

        var translated = Server.Requests.Skip(requests).Where(r => r.Stage == "translate").ToList();
        Assert.NotEmpty(translated);
        Assert.All(translated, r => Assert.True(
            ReviewScenario.SentenceIds(r.Input).All(id => !chunk.Contains(id)) && (r.Input["context"] as JsonArray)!.Any(c => chunk.Contains(c!["id"]!.GetValue<string>())),
            "only chunks that show an approved sentence as context are translated again"));
        var paid = new JobStore(JobStore.PathIn(Output.Path)).CallCounts(second.JobId).Where(c => c.Key.Outcome == CallOutcomes.Paid).ToDictionary(c => c.Key.Stage, c => c.Value);
        Assert.Equal((1, translated.Count), (paid["summarize"], paid["translate"]));
        var tm = new JobFolder(second.JobDirectory).ReadArticle(article)!.Translation.Sentences.Where(s => s.Origin == "tm").ToList();
        Assert.Equal(chunk, tm.Select(s => s.Id));
        Assert.All(tm, s => Assert.StartsWith("Approved: ", s.En, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tm_hit_rate_of_a_second_job_over_the_five_seeds_after_approving_one_article()
    {
        var runner = Services().GetRequiredService<JobRunner>();
        var first = await runner.RunAsync(new JobRequest([RepositoryPaths.Seeds]));
        var approved = first.Articles.Select(a => a.Id).Order(StringComparer.Ordinal).First();
        Approve(first.JobId, first.JobDirectory, approved, (_, en) => en);
        var requests = Server.Requests.Count;

        var second = await runner.RunAsync(new JobRequest([RepositoryPaths.Seeds]));

        var folder = new JobFolder(second.JobDirectory);
        var sentences = folder.ArticleIds().SelectMany(id => folder.ReadArticle(id)!.Translation.Sentences.Select(s => (Article: id, s.Origin))).ToList();
        var hits = sentences.Count(s => s.Origin == "tm");
        var counts = new JobStore(JobStore.PathIn(Output.Path)).CallCounts(second.JobId);
        int Translate(IReadOnlyDictionary<(string Stage, string Outcome), int> c) => c.Where(x => x.Key.Stage == "translate").Sum(x => x.Value);
        var before = Translate(new JobStore(JobStore.PathIn(Output.Path)).CallCounts(first.JobId));
        output.WriteLine($"TM hit rate: {hits} of {sentences.Count} sentences ({100.0 * hits / sentences.Count:0.0}%), all in {approved}; translate calls (paid + cached) {before} → {Translate(counts)}; requests sent by the second job: {Server.Requests.Count - requests}");

        Assert.Equal(sentences.Count(s => s.Article == approved), hits);
        Assert.All(sentences.Where(s => s.Article != approved), s => Assert.Null(s.Origin));
        Assert.Equal(0, Server.Requests.Count - requests);
        Assert.True(Translate(counts) < before, "the approved article's chunks make no translate call");
    }

    [Fact]
    public async Task Unknown_job_no_reviews_and_a_missing_folder_are_refused_before_anything_runs()
    {
        var runner = Services().GetRequiredService<JobRunner>();
        var first = await runner.RunAsync(new JobRequest([RepositoryPaths.Seed("002")]));
        var requests = Server.Requests.Count;

        var unknown = await Assert.ThrowsAsync<JobNotFoundException>(() => runner.ApplyAsync("20990101T000000Z-000000", new JobRequest([])));
        var nothing = await Assert.ThrowsAsync<ApplyRefusedException>(() => runner.ApplyAsync(first.JobId, new JobRequest([])));
        Reviews().Record([Edit(first.JobId, first.Articles[0].Id, "s1", "Edited.", ReviewStates.Reviewed)]);
        Directory.Move(first.JobDirectory, first.JobDirectory + ".moved");
        var missing = await Assert.ThrowsAsync<ApplyRefusedException>(() => runner.ApplyAsync(first.JobId, new JobRequest([])));

        Assert.StartsWith("no job 20990101T000000Z-000000 in ", unknown.Message, StringComparison.Ordinal);
        Assert.StartsWith($"nothing to apply: no reviews recorded for job {first.JobId}", nothing.Message, StringComparison.Ordinal);
        Assert.StartsWith($"job folder {first.JobDirectory} is missing", missing.Message, StringComparison.Ordinal);
        Assert.Equal(requests, Server.Requests.Count);
        Assert.Single(new JobStore(JobStore.PathIn(Output.Path)).ListJobs());
    }

    private (string Article, IReadOnlyList<string> Chunk) ArticleWithSeveralChunks(string jobDirectory) => ReviewScenario.ArticleWithSeveralChunks(jobDirectory, Server.Requests);

    /// <summary>Approves an article's sentences into the translation memory, with English chosen per sentence (null: not approved).</summary>
    private void Approve(string jobId, string jobDirectory, string article, Func<string, string, string?> english)
    {
        var sentences = new JobFolder(jobDirectory).ReadArticle(article)!.Translation.Sentences;
        Reviews().UpsertTm(sentences
            .Select(s => (Sentence: s, En: english(s.Id, s.En!)))
            .Where(s => s.En is not null)
            .Select(s => new TmEntry(s.Sentence.Ar, s.En!, jobId, article, s.Sentence.Id, "v2", "rana", DateTimeOffset.UtcNow))
            .ToList());
    }

    private static ReviewEdit Edit(string jobId, string article, string sentence, string english, string state) =>
        new(jobId, article, sentence, ReviewFields.English, null, english, state, null, DateTimeOffset.UtcNow, "rana");

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private ReviewStore Reviews() => new(JobStore.PathIn(Output.Path));

    private ServiceProvider Services() => LoopbackJob.OpenAIServices(Server, Output.Path);

    protected override void Dispose(bool disposing)
    {
        SqliteConnection.ClearAllPools();
        base.Dispose(disposing);
    }
}

using Summarizer.Core.Outputs;
using Summarizer.Core.Evaluation;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Jobs;
using Summarizer.Core.Planning;
using Summarizer.Core.Prompts;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Jobs;

/// <summary>Re-runs with new prompt versions pay only for what changed; published prompts cannot be edited.</summary>
public sealed class RerunTests : LoopbackServerTest, IAsyncLifetime
{
    private const string V2Marker = "Prefer the single most newsworthy claim per sentence.";
    // A private copy of the prompts (without the repository's lock), so tests can publish and edit versions.
    private readonly TempFolder _prompts = CopyOfPrompts();

    [Fact]
    public async Task A_summarize_only_rerun_makes_zero_translate_calls_and_the_manifest_says_what_was_reused()
    {
        var services = Services();
        var runner = services.GetRequiredService<JobRunner>();
        var first = await runner.RunAsync(new JobRequest([RepositoryPaths.Seeds]));
        var translateCalls = Server.Count("translate");
        var library = services.GetRequiredService<PromptLibrary>();
        var next = WriteNextSummarize(library);

        var second = await runner.RerunAsync(first.JobId, new JobRequest([]) { PromptVersions = new Dictionary<string, int> { ["summarize"] = next } });

        Assert.Equal(translateCalls, Server.Count("translate"));
        var stages = second.Usage.ToDictionary(u => u.Stage);
        Assert.Equal(0, stages["translate"].Calls);
        Assert.Equal(first.Usage.Single(u => u.Stage == "translate").Calls, stages["translate"].Reused);
        Assert.Equal(first.Usage.Single(u => u.Stage == "summarize").Calls, stages["summarize"].Calls);
        Assert.Equal(0, stages["summarize"].Reused);
        Assert.Equal(first.JobId, second.Parent);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(second.JobDirectory, "manifest.json")));
        Assert.Equal(first.JobId, manifest.RootElement.GetProperty("parent").GetString());
        var translate = manifest.RootElement.GetProperty("stages").EnumerateArray().First(s => s.GetProperty("stage").GetString() == "translate");
        Assert.Equal((0, stages["translate"].Reused), (translate.GetProperty("calls").GetInt32(), translate.GetProperty("reused").GetInt32()));
        Assert.Contains($"\"version\": \"v{next}\"", manifest.RootElement.GetProperty("provenance").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rerun_with_nothing_changed_pays_for_nothing()
    {
        var runner = Services().GetRequiredService<JobRunner>();
        var first = await runner.RunAsync(new JobRequest([RepositoryPaths.Seed("002")]));
        var calls = Server.Requests.Count;

        var second = await runner.RerunAsync(first.JobId, new JobRequest([]));

        Assert.Equal(calls, Server.Requests.Count);
        Assert.All(second.Usage, u => Assert.Equal(0, u.Calls));
        Assert.Equal(JobStatuses.Done, second.Status);
    }

    [Fact]
    public async Task A_job_that_used_the_first_prompt_format_reruns_paying_for_nothing()
    {
        var runner = Services().GetRequiredService<JobRunner>();
        var v1 = StageNames.All.ToDictionary(s => s, _ => 1);
        var first = await runner.RunAsync(new JobRequest([RepositoryPaths.Seed("002")]) { PromptVersions = v1 });
        var calls = Server.Requests.Count;

        var second = await runner.RerunAsync(first.JobId, new JobRequest([]));

        Assert.Equal(calls, Server.Requests.Count);
        Assert.All(second.Usage, u => Assert.Equal(0, u.Calls));
        Assert.All(second.Usage, u => Assert.True(u.Reused > 0, u.Stage));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(second.JobDirectory, "manifest.json")));
        Assert.All(manifest.RootElement.GetProperty("provenance").GetProperty("prompts").EnumerateArray(), p => Assert.Equal("v1", p.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task No_cache_forces_every_call()
    {
        var runner = Services().GetRequiredService<JobRunner>();
        var first = await runner.RunAsync(new JobRequest([RepositoryPaths.Seed("002")]));
        var calls = Server.Requests.Count;

        await runner.RerunAsync(first.JobId, new JobRequest([]) { NoCache = true });

        Assert.Equal(2 * calls, Server.Requests.Count);
    }

    [Fact]
    public async Task Editing_a_published_prompt_is_refused_with_the_way_forward()
    {
        var services = Services();
        await services.GetRequiredService<JobRunner>().RunAsync(new JobRequest([RepositoryPaths.Seed("002")]));
        var path = services.GetRequiredService<PromptLibrary>().LoadConfigured("merge").Path;
        File.AppendAllText(path, "# a small edit\n");

        var error = await Assert.ThrowsAsync<PromptException>(() => Services().GetRequiredService<JobRunner>().RunAsync(new JobRequest([RepositoryPaths.Seed("002")])));

        Assert.Contains("merge", error.Message, StringComparison.Ordinal);
        Assert.Contains("was edited after it was published", error.Message, StringComparison.Ordinal);
        Assert.Contains("summarizer prompts new merge", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_version_is_a_copy_with_the_next_number_and_is_locked_only_once_used()
    {
        var services = Services();
        var library = services.GetRequiredService<PromptLibrary>();

        var next = library.Versions("brief")[^1] + 1;

        var path = library.CreateNext("brief");

        Assert.EndsWith(Path.Combine("brief", $"v{next}.yaml"), path, StringComparison.Ordinal);
        Assert.Equal(next, library.Load("brief", next).Version);
        Assert.Null(library.Lock.HashOf("brief", next));
        await services.GetRequiredService<JobRunner>().RunAsync(new JobRequest([RepositoryPaths.Seed("002")]) { PromptVersions = new Dictionary<string, int> { ["brief"] = next } });
        Assert.Equal(library.Load("brief", next).Sha256, library.Lock.HashOf("brief", next));
    }

    [Fact]
    public async Task The_diff_of_two_runs_lists_the_real_differences()
    {
        var services = Services();
        var runner = services.GetRequiredService<JobRunner>();
        var first = await runner.RunAsync(new JobRequest([RepositoryPaths.Seeds]));
        var next = WriteNextSummarize(services.GetRequiredService<PromptLibrary>());

        // The new prompt asks for one claim per chunk; the server's "model" obeys, and renders s1 of article 003 differently.
        Server.Override = r => r.Stage == "summarize" && r.Body.Contains(V2Marker, StringComparison.Ordinal)
            ? FakeModelReply.Content(FirstClaimOnly(r))
            : null;
        var second = await runner.RerunAsync(first.JobId, new JobRequest([]) { PromptVersions = new Dictionary<string, int> { ["summarize"] = next } });

        var diff = JobDiff.Between(first.JobDirectory, second.JobDirectory);
        var (md, html) = new Summarizer.Core.Rendering.DiffWriter().Write(diff);

        Assert.Equal(5, diff.Articles.Count);
        Assert.All(diff.Articles, a => Assert.Empty(a.ChangedSentences));
        Assert.All(diff.Articles, a => Assert.Equal(100, a.ChrF!.Value, 6));
        Assert.All(diff.Articles, a => Assert.NotEmpty(a.Disappeared));
        var text = File.ReadAllText(md);
        var before = diff.A.Prompts.Single(p => p.Stage == "summarize").Sha256[..12];
        Assert.Contains($"| summarize | v{next - 1} ({before}) | v{next} (", text, StringComparison.Ordinal);
        Assert.Contains("- − Claim from s2", text, StringComparison.Ordinal);
        Assert.True(File.Exists(html));
        Assert.StartsWith(second.JobDirectory, md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_diff_lists_sentences_translated_differently_with_a_lower_chrF()
    {
        var services = Services();
        var runner = services.GetRequiredService<JobRunner>();
        var first = await runner.RunAsync(new JobRequest([RepositoryPaths.Seed("004")]));
        var library = services.GetRequiredService<PromptLibrary>();
        var next = library.Versions("translate")[^1] + 1;
        var path = library.CreateNext("translate");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Rules:", "Rules:\n  - Use British spelling.", StringComparison.Ordinal));
        Server.Override = r => r.Stage == "translate" && r.Body.Contains("British spelling", StringComparison.Ordinal)
            ? FakeModelReply.Content(FakeModel.Answer("translate", r.Input).Replace("Sentence s1 translated", "Sentence one rendered anew", StringComparison.Ordinal))
            : null;

        var second = await runner.RerunAsync(first.JobId, new JobRequest([]) { PromptVersions = new Dictionary<string, int> { ["translate"] = next } });
        var article = Assert.Single(JobDiff.Between(first.JobDirectory, second.JobDirectory).Articles);

        var change = Assert.Single(article.ChangedSentences);
        Assert.Equal("s1", change.Id);
        Assert.StartsWith("Sentence s1 translated", change.EnA, StringComparison.Ordinal);
        Assert.StartsWith("Sentence one rendered anew", change.EnB, StringComparison.Ordinal);
        Assert.InRange(article.ChrF!.Value, 50, 99.9);
    }

    [Fact]
    public void chrF_drops_when_translations_change()
    {
        var score = new Summarizer.Core.Evaluation.ChrF().Sentence("The minister visited Erbil on Monday.", "The minister visited Arbil on Tuesday.");

        Assert.InRange(score, 40, 90);
    }

    protected override void Dispose(bool disposing)
    {
        _prompts.Dispose();
        base.Dispose(disposing);
    }

    private static TempFolder CopyOfPrompts()
    {
        var folder = new TempFolder().CopyFrom(Path.Combine(RepositoryPaths.Root, "prompts"));
        File.Delete(Path.Combine(folder.Path, "prompts.lock"));
        return folder;
    }

    private ServiceProvider Services() => LoopbackJob.OpenAIServices(Server, Output.Path, ("Summarizer:Prompts:Root", _prompts.Path));

    /// <summary>Writes the next summarize version with one more rule and returns its number.</summary>
    private static int WriteNextSummarize(PromptLibrary library)
    {
        var path = library.CreateNext("summarize");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Rules:", "Rules:\n  - " + V2Marker, StringComparison.Ordinal));
        return library.Versions("summarize")[^1];
    }

    private static string FirstClaimOnly(FakeModelRequest request)
    {
        var answer = System.Text.Json.Nodes.JsonNode.Parse(FakeModel.Answer("summarize", request.Input))!.AsObject();
        var claims = answer["claims"]!.AsArray();
        while (claims.Count > 1)
        {
            claims.RemoveAt(claims.Count - 1);
        }

        return answer.ToJsonString(FakeModel.Literal);
    }
}

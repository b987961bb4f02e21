using Summarizer.Core.Outputs;
using System.Text.Json;
using System.Text.Json.Nodes;
using Summarizer.Core.Jobs;
using Summarizer.Core.Validation;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Jobs;

/// <summary>Bad answers from the model are repaired once, then flagged or recorded as failed — never dropped silently.</summary>
public sealed class ValidationAndRepairTests : LoopbackServerTest, IAsyncLifetime
{
    [Fact]
    public async Task Invalid_json_is_repaired_with_one_call_that_lists_the_error()
    {
        Server.Override = r => r.Stage == "translate" && !r.IsRepair ? FakeModelReply.Content("{\"translations\": [ {\"id\": ") : null;

        var result = await RunAsync();

        Assert.Equal(JobStatuses.Done, result.Status);
        var repairs = Server.Requests.Where(r => r.Stage == "translate" && r.IsRepair).ToList();
        Assert.Equal(Server.Requests.Count(r => r.Stage == "translate" && !r.IsRepair), repairs.Count);
        using var body = JsonDocument.Parse(repairs[0].Body);
        var messages = body.RootElement.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user", "assistant", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Contains("not valid JSON", messages[3].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(repairs.Count, Stage(result, "translate").GetProperty("repairs").GetInt32());
    }

    [Fact]
    public async Task A_translation_missing_an_id_after_repair_is_flagged_and_recorded_as_failed()
    {
        Server.Override = r => r.Stage == "translate" ? FakeModelReply.Content(WithoutFirstSentence(r.Input)) : null;

        var result = await RunAsync();

        Assert.Equal(JobStatuses.Partial, result.Status);
        using var translation = ReadJson(result, result.Articles[0].Id, "translation.json");
        var first = translation.RootElement.GetProperty("sentences")[0];
        Assert.Equal(JsonValueKind.Null, first.GetProperty("en").ValueKind);
        Assert.Equal(FlagCodes.TranslationFailed, first.GetProperty("flags")[0].GetProperty("code").GetString());
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.JobDirectory, "manifest.json")));
        var failures = manifest.RootElement.GetProperty("failures").EnumerateArray().ToList();
        Assert.Contains(failures, f => f.GetProperty("stage").GetString() == "translate" && f.GetProperty("item").GetString() == "s1"
            && f.GetProperty("reason").GetString()!.Contains("missing translations for s1", StringComparison.Ordinal));
        var briefing = File.ReadAllText(Path.Combine(result.JobDirectory, "briefing.md"));
        Assert.Contains("## Not in this briefing", briefing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_citation_is_repaired()
    {
        Server.Override = r => r.Stage == "summarize" && !r.IsRepair ? FakeModelReply.Content(CitingUnknownSentence(r.Input)) : null;

        var result = await RunAsync();

        Assert.Equal(JobStatuses.Done, result.Status);
        var repair = Server.Requests.First(r => r.Stage == "summarize" && r.IsRepair);
        Assert.Contains("s999", repair.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("s999", File.ReadAllText(Path.Combine(result.JobDirectory, "articles", result.Articles[0].Id, "claims.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_still_citing_an_unknown_sentence_after_repair_is_dropped_with_its_reason_and_the_rest_kept()
    {
        Server.Override = r => r.Stage == "summarize" ? FakeModelReply.Content(CitingUnknownSentence(r.Input)) : null;

        var result = await RunAsync();

        using var claims = ReadJson(result, result.Articles[0].Id, "claims.json");
        Assert.NotEmpty(claims.RootElement.GetProperty("claims").EnumerateArray());
        var failure = claims.RootElement.GetProperty("failures").EnumerateArray().First(f => f.GetProperty("stage").GetString() == "summarize");
        Assert.Contains("s999", failure.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_whose_number_is_not_in_its_cited_sentences_is_flagged_unsupported_number()
    {
        Server.Override = r => r.Stage == "summarize" ? FakeModelReply.Content(WithInventedNumber(r.Input)) : null;

        var result = await RunAsync();

        using var claims = ReadJson(result, result.Articles[0].Id, "claims.json");
        var flagged = claims.RootElement.GetProperty("claims").EnumerateArray()
            .Where(c => c.GetProperty("flags").EnumerateArray().Any(f => f.GetProperty("code").GetString() == FlagCodes.UnsupportedNumber))
            .ToList();
        // One invented number per summarize call; every claim keeping its sources' numbers stays unflagged.
        Assert.Equal(Server.Count("summarize"), flagged.Count);
        Assert.All(flagged, c => Assert.Contains("7777", c.GetProperty("en").GetString(), StringComparison.Ordinal));
        Assert.True(claims.RootElement.GetProperty("claims").GetArrayLength() > flagged.Count);
        Assert.Contains("7777", File.ReadAllText(Path.Combine(result.JobDirectory, "briefing.md")), StringComparison.Ordinal);
        Assert.Equal(0, Server.Requests.Count(r => r.IsRepair));
    }

    [Fact]
    public async Task An_engine_error_fails_that_article_with_its_reason_and_the_others_finish()
    {
        var victim = "002-3b258de76a274b28";
        Server.Override = r => r.Stage == "translate" && r.Input.ToJsonString().Contains("1.39", StringComparison.Ordinal)
            ? FakeModelReply.Error(400, "bad_request", "this request cannot be served")
            : null;

        var result = await LoopbackJob.RunSeedsAsync(LoopbackJob.OpenAIServices(Server, Output.Path));

        var failed = result.Articles.Single(a => a.Id == victim);
        Assert.Equal(JobStatuses.Failed, failed.Status);
        Assert.Contains("HTTP 400 bad_request", failed.Reason, StringComparison.Ordinal);
        Assert.All(result.Articles.Where(a => a.Id != victim), a => Assert.Equal(JobStatuses.Done, a.Status));
        Assert.True(File.Exists(Path.Combine(result.JobDirectory, "articles", victim, "translation.json")));
    }

    [Fact]
    public async Task An_endpoint_lost_after_the_check_fails_each_article_with_a_reason_instead_of_crashing_the_job()
    {
        var port = Server.BaseAddress.Port;
        await Server.DisposeAsync();
        var services = LoopbackJob.OpenAIServices(Server, Output.Path, ("Summarizer:Engine:Probe", "false"));

        var result = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<JobRunner>(services)
            .RunAsync(new JobRequest([RepositoryPaths.Seed("003")]));

        Assert.Equal(JobStatuses.Failed, result.Status);
        Assert.Contains("cannot reach the endpoint", Assert.Single(result.Articles).Reason, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(result.JobDirectory, "manifest.json")), $"port {port}");
        Server = await LoopbackOpenAiServer.StartAsync();
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_refused_by_the_check_before_a_job_exists()
    {
        await Server.DisposeAsync();
        var runner = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<JobRunner>(LoopbackJob.OpenAIServices(Server, Output.Path));

        var error = await Assert.ThrowsAsync<Summarizer.Core.Engines.EngineConfigurationException>(() => runner.RunAsync(new JobRequest([RepositoryPaths.Seed("003")])));

        Assert.Contains("endpoint check failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot reach the endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check --endpoint", error.Message, StringComparison.Ordinal);
        Assert.Empty(runner.Store(new JobRequest([])).ListJobs());
        Server = await LoopbackOpenAiServer.StartAsync();
    }

    [Theory]
    [InlineData(401, "401", "Check the API key")]
    [InlineData(404, "DeploymentNotFound", "Check --endpoint and the deployment or model name")]
    public async Task A_wrong_key_or_deployment_is_refused_by_the_check_with_one_request_and_no_retries(int status, string code, string advice)
    {
        Server.ProbeOverride = _ => FakeModelReply.Error(status, code, "refused by the loopback deployment");
        var runner = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<JobRunner>(LoopbackJob.AzureServices(Server, Output.Path));

        var error = await Assert.ThrowsAsync<Summarizer.Core.Engines.EngineConfigurationException>(() => runner.RunAsync(new JobRequest([RepositoryPaths.Seed("003")])));

        Assert.Contains($"HTTP {status} {code}", error.Message, StringComparison.Ordinal);
        Assert.Contains(advice, error.Message, StringComparison.Ordinal);
        Assert.Equal((1, 0), (Server.Probes, Server.Requests.Count));
    }

    private Task<JobResult> RunAsync()
    {
        var services = LoopbackJob.OpenAIServices(Server, Output.Path);
        return Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<JobRunner>(services)
            .RunAsync(new JobRequest([RepositoryPaths.Seed("004")]));
    }

    private static string WithoutFirstSentence(JsonObject input)
    {
        var answer = JsonNode.Parse(FakeModel.Answer("translate", input))!.AsObject();
        var translations = answer["translations"]!.AsArray();
        if (translations.Count > 0 && translations[0]!["id"]!.GetValue<string>() == "s1")
        {
            translations.RemoveAt(0);
        }

        return answer.ToJsonString(FakeModel.Literal);
    }

    private static string CitingUnknownSentence(JsonObject input)
    {
        var answer = JsonNode.Parse(FakeModel.Answer("summarize", input))!.AsObject();
        answer["claims"]!.AsArray().Add(new JsonObject { ["en"] = "An invented claim.", ["ar"] = "ادعاء", ["sources"] = new JsonArray("s999") });
        return answer.ToJsonString(FakeModel.Literal);
    }

    private static string WithInventedNumber(JsonObject input)
    {
        var answer = JsonNode.Parse(FakeModel.Answer("summarize", input))!.AsObject();
        var first = answer["claims"]!.AsArray()[0]!.AsObject();
        first["en"] = first["en"]!.GetValue<string>() + " It cost 7777 dollars.";
        return answer.ToJsonString(FakeModel.Literal);
    }

    private static JsonElement Stage(JobResult result, string stage)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.JobDirectory, "manifest.json")));
        return manifest.RootElement.GetProperty("stages").EnumerateArray().First(s => s.GetProperty("stage").GetString() == stage).Clone();
    }

    private static JsonDocument ReadJson(JobResult result, string article, string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(result.JobDirectory, "articles", article, file)));
}

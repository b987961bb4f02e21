using Summarizer.Core.Outputs;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Jobs;
using Summarizer.Core.Validation;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Engines;

/// <summary>
/// What Semantic Kernel's own connectors put on the wire for each engine, surface and model family, and how the
/// answers a real service gives (reasoning-model 400s, refusals, output filtering, both 400 filter spellings) are read.
/// </summary>
public sealed class ConnectorWireTests : LoopbackServerTest, IAsyncLifetime
{
    private const string Seed = "002";
    private const string FilteredArticle = "002-3b258de76a274b28";

    [Fact]
    public async Task Azure_chat_sends_temperature_and_max_tokens_to_the_deployment_with_the_connector_api_version()
    {
        var result = await RunAsync(LoopbackJob.AzureServices(Server, Output.Path));

        Assert.Equal(JobStatuses.Done, result.Status);
        var request = Server.Requests[0];
        Assert.Equal(("/openai/deployments/briefing-dep/chat/completions", "?api-version=2025-04-01-preview"), (request.Path, request.Query));
        var body = Body(request);
        Assert.Equal(0, body["temperature"]!.GetValue<double>());
        // Sized from the chunk's input under the prompt file's ceiling of 4000 (OutputBudget), as the quota charges it.
        Assert.InRange(body["max_tokens"]!.GetValue<int>(), 256, 3999);
        Assert.False(body.ContainsKey("max_completion_tokens"));
        Assert.False(body.ContainsKey("seed"));
        Assert.Equal("json_schema", body["response_format"]!["type"]!.GetValue<string>());
        Assert.True(body["response_format"]!["json_schema"]!["strict"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_configured_api_version_is_sent_as_written_even_when_the_sdk_does_not_know_it()
    {
        await RunAsync(LoopbackJob.AzureServices(Server, Output.Path, ("Summarizer:Engine:ApiVersion", "2024-12-01-preview")));

        Assert.All(Server.Requests, r => Assert.Equal("?api-version=2024-12-01-preview", r.Query));
    }

    [Fact]
    public async Task Azure_reasoning_sends_max_completion_tokens_no_temperature_the_effort_and_the_seed_and_the_service_accepts_it()
    {
        Server.ReasoningModel = true;

        var result = await RunAsync(LoopbackJob.AzureServices(
            Server, Output.Path, ("Summarizer:Engine:Deployment", "o4-mini"), ("Summarizer:Engine:Model", "o4-mini"), ("Summarizer:Engine:Seed", "7")));

        Assert.Equal(JobStatuses.Done, result.Status);
        var translate = Body(Server.Requests.First(r => r.Stage == "translate"));
        Assert.False(translate.ContainsKey("max_tokens"));
        Assert.False(translate.ContainsKey("temperature"));
        Assert.Equal(8000, translate["max_completion_tokens"]!.GetValue<int>());
        Assert.Equal("low", translate["reasoning_effort"]!.GetValue<string>());
        Assert.Equal(7, translate["seed"]!.GetValue<long>());
        using var manifest = Manifest(result);
        var provenance = manifest.RootElement.GetProperty("provenance");
        Assert.Equal(("reasoning", 7L), (provenance.GetProperty("model_family").GetString(), provenance.GetProperty("seed").GetInt64()));
        var prompt = provenance.GetProperty("prompts").EnumerateArray().First(p => p.GetProperty("stage").GetString() == "translate");
        Assert.Equal(JsonValueKind.Null, prompt.GetProperty("temperature").ValueKind);
        Assert.Equal("low", prompt.GetProperty("reasoning_effort").GetString());
    }

    [Fact]
    public async Task A_reasoning_deployment_sent_chat_parameters_answers_400_and_the_reason_says_how_to_fix_it()
    {
        Server.ReasoningModel = true;

        var result = await RunAsync(LoopbackJob.AzureServices(
            Server, Output.Path, ("Summarizer:Engine:Deployment", "thinker"), ("Summarizer:Engine:Model", "thinker"), ("Summarizer:Engine:ModelFamily", "chat")));

        var article = Assert.Single(result.Articles);
        Assert.Equal(JobStatuses.Failed, article.Status);
        Assert.Contains("HTTP 400 unsupported_parameter: Unsupported parameter: 'max_tokens' is not supported with this model.", article.Reason, StringComparison.Ordinal);
        Assert.Contains("set Summarizer:Engine:ModelFamily to reasoning", article.Reason, StringComparison.Ordinal);
        Assert.Equal(1, Server.Count("translate"));
    }

    [Fact]
    public async Task Azure_v1_surface_calls_openai_v1_with_no_api_version_the_deployment_as_model_and_the_api_key_header()
    {
        var result = await RunAsync(LoopbackJob.AzureServices(Server, Output.Path, ("Summarizer:Engine:AzureApi", "v1")));

        Assert.Equal(JobStatuses.Done, result.Status);
        Assert.All(Server.Requests, r => Assert.Equal(("/openai/v1/chat/completions", string.Empty), (r.Path, r.Query)));
        Assert.All(Server.Requests, r => Assert.Equal((LoopbackJob.AzureKey, null), (r.ApiKeyHeader, r.Authorization)));
        Assert.All(Server.Requests, r => Assert.Equal("briefing-dep", Body(r)["model"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OpenAI_sends_the_model_a_bearer_key_and_max_completion_tokens()
    {
        var result = await RunAsync(LoopbackJob.OpenAIServices(Server, Output.Path));

        Assert.Equal(JobStatuses.Done, result.Status);
        var request = Server.Requests[0];
        Assert.Equal(("/v1/chat/completions", $"Bearer {LoopbackJob.OpenAIKey}"), (request.Path, request.Authorization));
        var body = Body(request);
        Assert.Equal("gpt-4o-mini", body["model"]!.GetValue<string>());
        Assert.Equal(0, body["temperature"]!.GetValue<double>());
        Assert.True(body.ContainsKey("max_completion_tokens"));
    }

    [Fact]
    public async Task A_refusal_is_recorded_in_the_models_words_with_no_repair_call()
    {
        const string Words = "I'm sorry, I can't help with that request.";
        Server.Override = r => r.Stage == "translate" && r.Arabic.Contains("1.39", StringComparison.Ordinal) ? FakeModelReply.Refusal(Words) : null;

        var result = await RunAsync(LoopbackJob.OpenAIServices(Server, Output.Path));

        Assert.Single(Server.Requests, r => r.Stage == "translate" && r.Arabic.Contains("1.39", StringComparison.Ordinal));
        Assert.DoesNotContain(Server.Requests, r => r.IsRepair);
        using var manifest = Manifest(result);
        var refused = Assert.Single(manifest.RootElement.GetProperty("filtered").EnumerateArray());
        Assert.Equal(("refused", Words), (refused.GetProperty("kind").GetString(), refused.GetProperty("refusal").GetString()));
        var briefing = File.ReadAllText(Path.Combine(result.JobDirectory, "briefing.md"));
        Assert.Contains("refused by the model", briefing, StringComparison.Ordinal);
        Assert.Contains("can't help with that request", briefing, StringComparison.Ordinal);
        Assert.Contains(FlagCodes.Refused, File.ReadAllText(Path.Combine(result.JobDirectory, "articles", FilteredArticle, "translation.json")), StringComparison.Ordinal);
        Assert.Contains("refused by the model", File.ReadAllText(Path.Combine(result.JobDirectory, "articles", FilteredArticle, "side-by-side.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_withheld_by_the_output_filter_records_the_category_and_severity_from_content_filter_results()
    {
        Server.Override = r => r.Stage == "translate" && r.Arabic.Contains("1.39", StringComparison.Ordinal) ? FakeModelReply.OutputFiltered("self_harm", "high") : null;

        var result = await RunAsync(LoopbackJob.AzureServices(Server, Output.Path));

        using var manifest = Manifest(result);
        var filtered = Assert.Single(manifest.RootElement.GetProperty("filtered").EnumerateArray());
        Assert.Equal(("self_harm", "high", "completion"), (filtered.GetProperty("category").GetString(), filtered.GetProperty("severity").GetString(), filtered.GetProperty("where").GetString()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Both_spellings_of_the_400_filter_error_give_the_category_and_severity(bool underscored)
    {
        Server.Override = r => r.Stage == "translate" && r.Arabic.Contains("1.39", StringComparison.Ordinal) ? FakeModelReply.Filtered("hate", "medium", underscored) : null;

        var result = await RunAsync(LoopbackJob.AzureServices(Server, Output.Path));

        using var manifest = Manifest(result);
        var filtered = Assert.Single(manifest.RootElement.GetProperty("filtered").EnumerateArray());
        Assert.Equal(("hate", "medium", "prompt"), (filtered.GetProperty("category").GetString(), filtered.GetProperty("severity").GetString(), filtered.GetProperty("where").GetString()));
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>", "text/html")]
    [InlineData("{}", "application/json")]
    [InlineData("", "application/json")]
    [InlineData("{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}", "application/json")]
    [InlineData("[1,2,3]", "application/json")]
    public async Task A_200_that_is_not_a_chat_completion_is_retried_like_a_5xx_then_the_item_fails_with_a_reason(string body, string contentType)
    {
        Server.Override = r => r.Stage == "translate" && r.Arabic.Contains("1.39", StringComparison.Ordinal) ? new FakeModelReply(200, body) { ContentType = contentType } : null;

        var result = await RunAsync(LoopbackJob.OpenAIServices(Server, Output.Path, ("Summarizer:Resilience:MaxRetries", "2")));

        Assert.Equal(3, Server.Requests.Count(r => r.Stage == "translate" && r.Arabic.Contains("1.39", StringComparison.Ordinal)));
        Assert.Contains("not a chat completion", File.ReadAllText(Path.Combine(result.JobDirectory, "manifest.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_200_that_is_not_a_chat_completion_once_is_retried_and_the_job_completes()
    {
        Server.Override = r => r.Stage == "translate" && r.Attempt == 1 ? new FakeModelReply(200, "<html>gateway</html>") { ContentType = "text/html" } : null;

        var result = await RunAsync(LoopbackJob.OpenAIServices(Server, Output.Path));

        Assert.Equal(JobStatuses.Done, result.Status);
    }

    [Fact]
    public async Task A_server_message_that_quotes_the_key_is_masked_everywhere_it_is_kept()
    {
        Server.Override = _ => FakeModelReply.Error(401, "invalid_api_key", $"Incorrect API key provided: {LoopbackJob.OpenAIKey}. You can find your API key at https://platform.openai.com/account/api-keys.");

        var result = await RunAsync(LoopbackJob.OpenAIServices(Server, Output.Path));

        var article = Assert.Single(result.Articles);
        Assert.Contains("Incorrect API key provided: ***.", article.Reason, StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(Output.Path, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(LoopbackJob.OpenAIKey, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("azure", "https://user:sk-in-the-url-123456@example.openai.azure.com/")]
    [InlineData("openai", "http://:sk-in-the-url-123456@127.0.0.1:9/v1")]
    public void An_endpoint_carrying_a_password_is_refused_without_echoing_it(string kind, string endpoint)
    {
        var factory = CoreServices.Create(("AZURE_OPENAI_API_KEY", "k-12345678"), ("Summarizer:Engine:Model", "m")).GetRequiredService<Summarizer.Core.EngineSetup.EngineFactory>();

        var error = Assert.Throws<Summarizer.Core.Engines.EngineConfigurationException>(() => factory.Create(new Summarizer.Core.Engines.EngineOverrides { Kind = kind, Endpoint = endpoint, Deployment = "d" }));

        Assert.Contains("carries a user name or password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-in-the-url-123456", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_without_a_key_is_an_error_unless_entra_id_is_asked_for()
    {
        var overrides = new Summarizer.Core.Engines.EngineOverrides { Kind = "azure", Endpoint = "https://example.openai.azure.com/", Deployment = "d" };

        var error = Assert.Throws<Summarizer.Core.Engines.EngineConfigurationException>(() => CoreServices.Create().GetRequiredService<Summarizer.Core.EngineSetup.EngineFactory>().Create(overrides));
        var entra = CoreServices.Create(("Summarizer:Engine:Auth", "entra")).GetRequiredService<Summarizer.Core.EngineSetup.EngineFactory>().Create(overrides);

        Assert.Contains("azure has no API key", error.Message, StringComparison.Ordinal);
        Assert.Contains("Auth=entra", error.Message, StringComparison.Ordinal);
        Assert.Equal("Entra ID (DefaultAzureCredential)", entra.Credential);
    }

    private static JsonObject Body(FakeModelRequest request) => JsonNode.Parse(request.Body)!.AsObject();

    private static Task<JobResult> RunAsync(ServiceProvider services) => LoopbackJob.RunAsync(services, RepositoryPaths.Seed(Seed));

    private static JsonDocument Manifest(JobResult result) => JsonDocument.Parse(File.ReadAllText(Path.Combine(result.JobDirectory, "manifest.json")));
}

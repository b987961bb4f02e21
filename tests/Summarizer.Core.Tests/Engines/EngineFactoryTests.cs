using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Engines;
using Summarizer.Testing;
using Summarizer.Core.EngineSetup;

namespace Summarizer.Core.Tests.Engines;

public class EngineFactoryTests
{
    [Fact]
    public void Without_any_setting_the_engine_is_reference_and_says_why()
    {
        var engine = Factory().Create(new EngineOverrides());

        Assert.Equal(EngineKinds.Reference, engine.Kind);
        Assert.Contains("no engine configured", engine.Reason, StringComparison.Ordinal);
        Assert.True(engine.IsReference);
    }

    [Fact]
    public void An_azure_endpoint_in_the_environment_chooses_azure()
    {
        var engine = Factory(("AZURE_OPENAI_ENDPOINT", "https://example.openai.azure.com/"), ("Summarizer:Engine:Deployment", "gpt4o"), ("AZURE_OPENAI_API_KEY", "k")).Create(new EngineOverrides());

        Assert.Equal(EngineKinds.Azure, engine.Kind);
        Assert.Equal("AZURE_OPENAI_ENDPOINT is set", engine.Reason);
        Assert.Equal("AZURE_OPENAI_API_KEY", engine.Credential);
    }

    [Fact]
    public void The_option_beats_configuration_which_beats_the_environment()
    {
        var factory = Factory(("AZURE_OPENAI_ENDPOINT", "https://example.openai.azure.com/"), ("Summarizer:Engine:Kind", "reference"));

        Assert.Equal(EngineKinds.Reference, factory.Create(new EngineOverrides()).Kind);
        Assert.Equal(EngineKinds.OpenAI, factory.Create(new EngineOverrides { Kind = "openai", Model = "llama3.1", Endpoint = "http://127.0.0.1:11434/v1" }).Kind);
    }

    [Fact]
    public void Azure_without_a_deployment_says_what_to_set()
    {
        var error = Assert.Throws<EngineConfigurationException>(() => Factory().Create(new EngineOverrides { Kind = "azure", Endpoint = "https://x.openai.azure.com" }));

        Assert.Contains("--deployment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Openai_without_a_model_says_what_to_set()
    {
        Assert.Contains("--model", Assert.Throws<EngineConfigurationException>(() => Factory().Create(new EngineOverrides { Kind = "openai" })).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("o1", "reasoning")]
    [InlineData("o3-mini", "reasoning")]
    [InlineData("o4-mini", "reasoning")]
    [InlineData("O3", "reasoning")]
    [InlineData("gpt-5", "reasoning")]
    [InlineData("gpt-5-mini", "reasoning")]
    [InlineData("gpt-5.1", "reasoning")]
    [InlineData("gpt-5-chat-latest", "chat")]
    [InlineData("gpt-4o-mini", "chat")]
    [InlineData("gpt-4.1", "chat")]
    [InlineData("qwen2.5:7b", "chat")]
    [InlineData("omni-moderation", "chat")]
    public void The_model_family_is_inferred_from_the_model_or_deployment_name(string name, string family)
    {
        var engine = Factory(("AZURE_OPENAI_API_KEY", "test-key-not-secret")).Create(new EngineOverrides { Kind = "azure", Endpoint = "https://x.openai.azure.com", Deployment = name });

        Assert.Equal(family, engine.Profile.Family);
    }

    [Fact]
    public void A_configured_model_family_wins_over_the_name_and_an_unknown_one_is_a_configuration_error()
    {
        var configured = Factory(("Summarizer:Engine:ModelFamily", "reasoning")).Create(new EngineOverrides { Kind = "openai", Model = "my-local-thinker", Endpoint = "http://127.0.0.1:1/v1" });
        var unknown = Factory(("Summarizer:Engine:ModelFamily", "thinking"));

        Assert.Equal(("reasoning", "configured"), (configured.Profile.Family, configured.Profile.FamilyReason));
        var error = Assert.Throws<EngineConfigurationException>(() => unknown.Create(new EngineOverrides { Kind = "openai", Model = "m", Endpoint = "http://127.0.0.1:1/v1" }));
        Assert.Contains("families: chat, reasoning", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?api-version=2025-04-01-preview", "2024-12-01-preview", "?api-version=2024-12-01-preview")]
    [InlineData("?a=1&api-version=2025-04-01-preview&b=2", "2099-01-01", "?a=1&b=2&api-version=2099-01-01")]
    [InlineData("", "v1-preview", "?api-version=v1-preview")]
    public void The_api_version_is_sent_as_written_whatever_the_sdk_knows(string query, string version, string expected)
    {
        Assert.Equal(expected, ApiVersionPolicy.Replace(query, version));
    }

    [Fact]
    public void The_resolved_engine_never_holds_the_key()
    {
        var engine = Factory(("Summarizer:Engine:ApiKey", "secret-from-user-secrets-123")).Create(new EngineOverrides { Kind = "openai", Model = "m", Endpoint = "http://127.0.0.1:1/v1" });

        Assert.Equal(string.Empty, engine.Options.ApiKey);
        Assert.Equal("configuration or user-secrets", engine.Credential);
        Assert.DoesNotContain("secret-from-user-secrets-123", engine.ToString(), StringComparison.Ordinal);
    }

    private static EngineFactory Factory(params (string, string)[] settings) => CoreServices.Create(settings).GetRequiredService<EngineFactory>();
}

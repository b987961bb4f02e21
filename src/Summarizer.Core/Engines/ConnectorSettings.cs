using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;

namespace Summarizer.Core.Engines;

/// <summary>
/// Turns a stage's settings into the execution settings Semantic Kernel's OpenAI and Azure OpenAI connectors read.
/// Chat models get temperature and max_tokens; reasoning models get max_completion_tokens, no temperature or top_p,
/// and the reasoning effort when one is set. Azure's deployment surface sends max_tokens unless told otherwise; the
/// OpenAI client (openai engine, Azure's v1 surface) always sends max_completion_tokens, which every current server takes.
/// </summary>
public static class ConnectorSettings
{
    /// <summary>Builds the connector settings for one call.</summary>
    public static OpenAIPromptExecutionSettings For(StageExecutionSettings stage, bool azureDeployments)
    {
        var reasoning = stage.Family == ModelFamilies.Reasoning;
#pragma warning disable SKEXP0010 // Marked experimental, yet the only switch SK offers between max_tokens and max_completion_tokens on Azure.
        OpenAIPromptExecutionSettings settings = azureDeployments
            ? new AzureOpenAIPromptExecutionSettings { SetNewMaxCompletionTokensEnabled = reasoning }
            : new OpenAIPromptExecutionSettings();
#pragma warning restore SKEXP0010
        settings.MaxTokens = stage.MaxTokens;
        settings.Temperature = reasoning ? null : stage.Temperature;
        settings.Seed = stage.Seed;
        settings.ResponseFormat = ResponseFormat(stage);
        if (reasoning && !string.IsNullOrWhiteSpace(stage.ReasoningEffort))
        {
            settings.ReasoningEffort = stage.ReasoningEffort;
        }

        return settings;
    }

    private static ChatResponseFormat? ResponseFormat(StageExecutionSettings stage) => stage.ResponseFormat switch
    {
        "json_schema" => ChatResponseFormat.CreateJsonSchemaFormat(stage.Stage, BinaryData.FromString(stage.Schema.ToJsonString()), jsonSchemaIsStrict: true),
        "json_object" => ChatResponseFormat.CreateJsonObjectFormat(),
        _ => null,
    };
}

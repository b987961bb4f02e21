namespace Summarizer.Core.Engines;

/// <summary>The environment variables the engines read, named once for the code that chooses engines and the code that masks keys.</summary>
public static class EngineVariables
{
    /// <summary>The environment variable that names an Azure OpenAI endpoint.</summary>
    public const string AzureEndpoint = "AZURE_OPENAI_ENDPOINT";

    /// <summary>The environment variable holding an Azure OpenAI key.</summary>
    public const string AzureKey = "AZURE_OPENAI_API_KEY";

    /// <summary>The environment variable holding an OpenAI (or compatible server) key.</summary>
    public const string OpenAIKey = "OPENAI_API_KEY";
}

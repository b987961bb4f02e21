namespace Summarizer.Core.Engines;

/// <summary>The engine names used in options, manifests and the command line.</summary>
public static class EngineKinds
{
    /// <summary>Azure OpenAI through Azure.AI.OpenAI.</summary>
    public const string Azure = "azure";

    /// <summary>Any OpenAI-compatible server through the OpenAI client.</summary>
    public const string OpenAI = "openai";

    /// <summary>Offline answers for samples/ from prepared reference data.</summary>
    public const string Reference = "reference";

    /// <summary>Gets all engine names.</summary>
    public static IReadOnlyList<string> All { get; } = [Azure, OpenAI, Reference];
}

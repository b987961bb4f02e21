using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;

namespace Summarizer.Core.Engines;

/// <summary>
/// The execution settings a stage call hands to its <see cref="Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService"/>:
/// sampling, the response format with the stage's schema, and, for a repair call, the previous answer and its errors.
/// </summary>
public sealed class StageExecutionSettings : PromptExecutionSettings
{
    /// <summary>Gets the stage name; it also names the JSON schema.</summary>
    public required string Stage { get; init; }

    /// <summary>Gets the sampling temperature, or null to send none (reasoning models accept only their default).</summary>
    public double? Temperature { get; init; }

    /// <summary>Gets the model family the call goes to (<see cref="ModelFamilies"/>).</summary>
    public string Family { get; init; } = ModelFamilies.Chat;

    /// <summary>Gets the reasoning effort for reasoning models (low, medium, high), or null for the model's default.</summary>
    public string? ReasoningEffort { get; init; }

    /// <summary>Gets the seed to send, or null for none.</summary>
    public long? Seed { get; init; }

    /// <summary>Gets the most output tokens.</summary>
    public int MaxTokens { get; init; } = 4000;

    /// <summary>Gets the response format: json_schema, json_object or none.</summary>
    public string ResponseFormat { get; init; } = "json_schema";

    /// <summary>Gets the strict JSON schema of the stage's answer.</summary>
    public required JsonObject Schema { get; init; }

    /// <summary>Gets the stage input as the JSON object the user message carries (the reference engine answers from it).</summary>
    public required JsonObject Input { get; init; }

    /// <summary>Gets the answer being repaired and what was wrong with it, or <see langword="null"/> for a first call.</summary>
    public RepairRequest? Repair { get; init; }
}

/// <summary>A repair call: the previous answer and the errors the validator found in it.</summary>
public sealed record RepairRequest(string PreviousAnswer, IReadOnlyList<string> Errors)
{
    /// <summary>Gets the message that asks the model to fix its answer.</summary>
    public string Message =>
        "Your previous answer was not valid:\n- " + string.Join("\n- ", Errors) +
        "\nAnswer again with the complete, corrected JSON only.";
}

using System.Globalization;
using Microsoft.SemanticKernel;

namespace Summarizer.Core.Prompts;

/// <summary>
/// What a prompt file asks of the model for one service id: the <c>default</c> entry of its <c>execution_settings</c>,
/// overlaid key by key with the entry named after the model family (<c>reasoning</c>), when the file has one.
/// </summary>
/// <param name="Temperature">The sampling temperature, or null to send none (reasoning models accept only their default).</param>
/// <param name="MaxTokens">The most output tokens a call may use (reasoning tokens included, for reasoning models).</param>
/// <param name="ReasoningEffort">The reasoning effort (<c>low</c>, <c>medium</c>, <c>high</c>), or null for the model's default.</param>
public sealed record PromptSettings(double? Temperature, int MaxTokens, string? ReasoningEffort)
{
    /// <summary>The service id of the settings every family starts from.</summary>
    public const string DefaultServiceId = "default";

    /// <summary>The most output tokens when a file names none.</summary>
    public const int DefaultMaxTokens = 4000;

    /// <summary>The keys a prompt file's settings may hold; anything else is a typo the model would never see.</summary>
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal) { "temperature", "max_tokens", "reasoning_effort" };

    /// <summary>Reads the settings for a service id from a prompt config's execution settings.</summary>
    /// <exception cref="PromptException">A value is not of its key's type.</exception>
    public static PromptSettings From(IReadOnlyDictionary<string, PromptExecutionSettings> settings, string serviceId, string path)
    {
        var merged = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var id in new[] { DefaultServiceId, serviceId }.Distinct(StringComparer.Ordinal))
        {
            if (settings.TryGetValue(id, out var entry) && entry.ExtensionData is { } data)
            {
                foreach (var (key, value) in data)
                {
                    merged[key] = value;
                }
            }
        }

        var reasoning = serviceId == "reasoning";
        return new PromptSettings(
            reasoning ? null : Number(merged, "temperature", path) ?? 0,
            (int)(Number(merged, "max_tokens", path) ?? DefaultMaxTokens),
            merged.TryGetValue("reasoning_effort", out var effort) ? Convert.ToString(effort, CultureInfo.InvariantCulture) : null);
    }

    private static double? Number(Dictionary<string, object> values, string key, string path)
    {
        if (!values.TryGetValue(key, out var value))
        {
            return null;
        }

        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new PromptException($"{path}: execution_settings {key} '{text}' is not a number");
    }
}

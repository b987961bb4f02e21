using System.Text.RegularExpressions;

namespace Summarizer.Core.Engines;

/// <summary>
/// The two kinds of chat model the engines speak to. <c>chat</c> models take <c>temperature</c> and <c>max_tokens</c>;
/// <c>reasoning</c> models (o-series, gpt-5 family) refuse both with a 400 and take <c>max_completion_tokens</c>, which
/// also bounds their hidden reasoning tokens, and an optional <c>reasoning_effort</c>.
/// </summary>
public static partial class ModelFamilies
{
    /// <summary>Chat models: temperature and max_tokens.</summary>
    public const string Chat = "chat";

    /// <summary>Reasoning models: max_completion_tokens, no temperature or top_p, optional reasoning effort.</summary>
    public const string Reasoning = "reasoning";

    /// <summary>Gets the families, for messages.</summary>
    public static IReadOnlyList<string> All { get; } = [Chat, Reasoning];

    /// <summary>
    /// Returns the configured family, or infers it from the model and deployment names: <c>o1</c>, <c>o3-mini</c>,
    /// <c>o4-mini</c>, <c>gpt-5</c>, <c>gpt-5.1-mini</c> are reasoning models; <c>gpt-5-chat</c> and everything else is chat.
    /// </summary>
    /// <exception cref="EngineConfigurationException">The configured family is not one of <see cref="All"/>.</exception>
    public static (string Family, string Reason) Resolve(string? configured, params string?[] names)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var family = configured.Trim().ToLowerInvariant();
            return All.Contains(family)
                ? (family, "configured")
                : throw new EngineConfigurationException($"model family '{configured}' is not known (families: {string.Join(", ", All)}); set {EngineOptions.SectionName}:ModelFamily");
        }

        var reasoning = names.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n) && ReasoningName().IsMatch(n) && !n.Contains("-chat", StringComparison.OrdinalIgnoreCase));
        return reasoning is null ? (Chat, "default") : (Reasoning, $"inferred from the name '{reasoning}'");
    }

    [GeneratedRegex(@"^(o\d+|gpt-5)([.\-_].*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReasoningName();
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Summarizer.Core.Engines;

/// <summary>
/// Replaces every configured API key (the engine's, every pool member's, the standard environment variables) with
/// <c>***</c>. Servers sometimes quote the key they were sent in an error message; those messages reach stderr, the job
/// store, the manifest and the pages, so they pass through here first.
/// </summary>
public sealed class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    // Shorter values would mask ordinary words; no real key is this short.
    private const int MinimumSecretLength = 8;

    private readonly string[] _secrets;

    /// <summary>Initializes a new instance of the <see cref="SecretRedactor"/> class from the configuration.</summary>
    public SecretRedactor(IConfiguration configuration, IOptions<EngineOptions> options)
        : this(Secrets(configuration, options))
    {
    }

    private SecretRedactor(IEnumerable<string?> secrets) =>
        _secrets = secrets.Where(s => s is { Length: >= MinimumSecretLength }).Select(s => s!).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();

    /// <summary>Returns a redactor for the given secrets.</summary>
    public static SecretRedactor For(params string?[] secrets) => new(secrets);

    /// <summary>Returns the text with every secret masked.</summary>
    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    private static IEnumerable<string?> Secrets(IConfiguration configuration, IOptions<EngineOptions> bound)
    {
        yield return configuration[EngineVariables.AzureKey];
        yield return configuration[EngineVariables.OpenAIKey];
        yield return configuration[EngineOptions.SectionName + ":ApiKey"];
        EngineOptions options;
        try
        {
            options = bound.Value;
        }
        catch (Exception ex) when (ex is InvalidOperationException or OptionsValidationException)
        {
            // Settings that do not bind are reported on their own; the keys read above are still masked.
            yield break;
        }

        foreach (var member in options.Pool)
        {
            if (!string.IsNullOrWhiteSpace(member.ApiKeyVariable))
            {
                yield return configuration[member.ApiKeyVariable];
            }
        }
    }
}

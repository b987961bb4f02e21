using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core;

namespace Summarizer.Testing;

/// <summary>Builds the real core services with configuration given in code, as the CLI would from appsettings.json.</summary>
public static class CoreServices
{
    /// <summary>Creates a service provider; <paramref name="settings"/> are <c>Summarizer:Section:Key</c> pairs, later ones winning.</summary>
    public static ServiceProvider Create(params (string Key, string Value)[] settings)
    {
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(merged).Build();
        return new ServiceCollection().AddSummarizerCore(configuration).BuildServiceProvider();
    }

    /// <summary>Resolves one service from a fresh provider with default settings.</summary>
    public static T Get<T>(params (string Key, string Value)[] settings)
        where T : notnull => Create(settings).GetRequiredService<T>();
}

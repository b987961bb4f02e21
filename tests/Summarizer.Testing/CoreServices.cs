using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core;

namespace Summarizer.Testing;

/// <summary>Builds the real core services with configuration given in code, as the CLI would from appsettings.json.</summary>
public static class CoreServices
{
    /// <summary>Creates a service provider; <paramref name="settings"/> are <c>Summarizer:Section:Key</c> pairs, later ones winning.</summary>
    public static ServiceProvider Create(params (string Key, string Value)[] settings) => Create(clock: null, settings);

    /// <summary>
    /// Creates a service provider whose <see cref="TimeProvider"/> is <paramref name="clock"/> (the system clock when null),
    /// so the job, its quota, retry delays and timeouts all run on it.
    /// </summary>
    public static ServiceProvider Create(TimeProvider? clock, params (string Key, string Value)[] settings)
    {
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(merged).Build();
        var services = new ServiceCollection().AddSummarizerCore(configuration);
        if (clock is not null)
        {
            // Registered after the core's TimeProvider.System, so it is the one resolved.
            services.AddSingleton(clock);
        }

        return services.BuildServiceProvider();
    }

    /// <summary>Resolves one service from a fresh provider with default settings.</summary>
    public static T Get<T>(params (string Key, string Value)[] settings)
        where T : notnull => Create(settings).GetRequiredService<T>();
}

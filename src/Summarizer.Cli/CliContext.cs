using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core;

namespace Summarizer.Cli;

/// <summary>What every command needs: the services, and where to write results and errors.</summary>
public sealed class CliContext
{
    private readonly Lazy<IServiceProvider> _services;

    private CliContext(Func<IServiceProvider> services, TextWriter output, TextWriter error, bool isTerminal)
    {
        _services = new Lazy<IServiceProvider>(services);
        Out = output;
        Error = error;
        IsTerminal = isTerminal;
    }

    /// <summary>Gets the configured services.</summary>
    /// <remarks>
    /// Configuration is read and the services are built the first time a command asks for them, so <c>--help</c>, a
    /// parse error and commands that need no services (eval, qa) start without reading a file.
    /// </remarks>
    public IServiceProvider Services => _services.Value;

    /// <summary>Gets where results go (stdout).</summary>
    public TextWriter Out { get; }

    /// <summary>Gets where one-line errors and progress go (stderr).</summary>
    public TextWriter Error { get; }

    /// <summary>Gets a value indicating whether stdout is an interactive terminal (tables and colour), false when redirected.</summary>
    public bool IsTerminal { get; }

    /// <summary>
    /// Builds the context: appsettings.json next to the binary, then user-secrets, then environment variables
    /// (<c>Summarizer__Chunking__MaxSourceTokens</c> form), then any overrides given by tests.
    /// </summary>
    public static CliContext Create(TextWriter output, TextWriter error, bool isTerminal, IEnumerable<KeyValuePair<string, string?>>? overrides = null) =>
        new(() => BuildServices(overrides), output, error, isTerminal);

    private static ServiceProvider BuildServices(IEnumerable<KeyValuePair<string, string?>>? overrides)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddUserSecrets(typeof(CliContext).Assembly, optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? [])
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSummarizerCore(configuration)
            .BuildServiceProvider();
    }
}

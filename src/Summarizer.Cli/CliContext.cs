using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core;

namespace Summarizer.Cli;

/// <summary>What every command needs: the services, and where to write results and errors.</summary>
/// <param name="Services">The configured services.</param>
/// <param name="Out">Where results go (stdout).</param>
/// <param name="Error">Where one-line errors and progress go (stderr).</param>
/// <param name="IsTerminal">True when stdout is an interactive terminal (tables and colour), false when redirected.</param>
public sealed record CliContext(IServiceProvider Services, TextWriter Out, TextWriter Error, bool IsTerminal)
{
    /// <summary>
    /// Builds the context: appsettings.json next to the binary, then user-secrets, then environment variables
    /// (<c>Summarizer__Chunking__MaxSourceTokens</c> form), then any overrides given by tests.
    /// </summary>
    public static CliContext Create(TextWriter output, TextWriter error, bool isTerminal, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddUserSecrets(typeof(CliContext).Assembly, optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? [])
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSummarizerCore(configuration)
            .BuildServiceProvider();
        return new CliContext(services, output, error, isTerminal);
    }
}

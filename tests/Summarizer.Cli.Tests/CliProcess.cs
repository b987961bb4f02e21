using System.Diagnostics;

namespace Summarizer.Cli.Tests;

/// <summary>Starts the built CLI as a child process, as a user's shell would.</summary>
internal static class CliProcess
{
    /// <summary>
    /// Gets the CLI from its own build folder, not the copy beside the tests: the test folder's dependencies are resolved
    /// against the ASP.NET Core framework the loopback server needs, which drops package assemblies (such as
    /// Microsoft.Extensions.Logging.Abstractions) that the CLI, running on the base framework alone, must find beside it.
    /// </summary>
    public static string Dll { get; } = Path.Combine(
        typeof(CliProcess).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "CliDirectory").Value!,
        "summarizer.dll");

    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A user's engine settings must not leak into tests.
        foreach (var name in new[] { "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "OPENAI_API_KEY" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    public static Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunWithinAsync(TimeSpan.FromMinutes(3), workingDirectory, environment, args);

    /// <summary>
    /// Runs the CLI to its end, or kills it (with its children) once <paramref name="limit"/> has passed and fails with
    /// what it had written: a command that hangs fails its test instead of holding the test run.
    /// </summary>
    public static async Task<CliResult> RunWithinAsync(TimeSpan limit, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"summarizer {string.Join(' ', args)} did not finish within {limit}; stderr: {await error}");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }
}

namespace Summarizer.Cli.Tests;

/// <summary>Runs the real command tree in-process and captures what it writes.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args) => await RunWithSettingsAsync([], args);

    public static async Task<CliResult> RunWithSettingsAsync(IEnumerable<KeyValuePair<string, string?>> settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = CliContext.Create(output, error, isTerminal: false, settings);

        var exitCode = await SummarizerCommandLine.InvokeAsync(args, context);

        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

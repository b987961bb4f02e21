using System.CommandLine;
using Microsoft.Extensions.Options;
using Summarizer.Cli.Commands;

namespace Summarizer.Cli;

/// <summary>The root command: verbs, parsing, and the one place exceptions become a one-line error and an exit code.</summary>
public static class SummarizerCommandLine
{
    /// <summary>Parses the arguments and runs the chosen command.</summary>
    public static async Task<int> InvokeAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Arabic → English news briefings with cited claims, over Semantic Kernel.")
        {
            PlanCommand.Create(context),
            RunCommand.Create(context),
            ResumeCommand.Create(context),
            RerunCommand.Create(context),
            StoreCommands.Diff(context),
            EvalCommand.Create(context),
            QaCommand.Create(context),
            StoreCommands.Jobs(context),
            StoreCommands.Cache(context),
            PromptsCommand.Create(context),
        };

        var parsed = root.Parse(args);
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,

                // Exceptions are turned into one line below, never a stack trace.
                EnableDefaultExceptionHandler = false,
            }, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (OptionsValidationException ex)
        {
            await context.Error.WriteLineAsync($"configuration error: {string.Join("; ", ex.Failures)}");
            return ExitCodes.UsageError;
        }
    }
}

using System.CommandLine;
using System.CommandLine.Help;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Summarizer.Cli.Commands;
using Summarizer.Core.Engines;
using Summarizer.Core.Ingest;
using Summarizer.Core.Rendering;
using Summarizer.Core.Outputs;
using Summarizer.Cli.Rendering;

namespace Summarizer.Cli;

/// <summary>The root command: verbs, parsing, and the one place exceptions become a one-line error and an exit code.</summary>
public static class SummarizerCommandLine
{
    /// <summary>The environment variable that turns on stack traces, like <c>--verbose</c>.</summary>
    public const string DebugVariable = "SUMMARIZER_DEBUG";

    /// <summary>Parses the arguments and runs the chosen command.</summary>
    public static async Task<int> InvokeAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var verbose = new Option<bool>("--verbose") { Description = "On an error, also print the stack trace (or set SUMMARIZER_DEBUG=1).", Recursive = true };
        var root = new RootCommand("Arabic → English news briefings with cited claims, over Semantic Kernel.")
        {
            PlanCommand.Create(context),
            RunCommand.Create(context),
            ResumeCommand.Create(context),
            RerunCommand.Create(context),
            ApplyCommand.Create(context),
            StoreCommands.Diff(context),
            EvalCommand.Create(context),
            QaCommand.Create(context),
            ExchangeCommands.Export(context),
            ExchangeCommands.Import(context),
            ExchangeCommands.Tm(context),
            ReviewCommand.Create(context),
            StoreCommands.Jobs(context),
            StoreCommands.Cache(context),
            PromptsCommand.Create(context),
        };
        root.Options.Add(verbose);

        var parsed = root.Parse(args);
        var json = args.Contains("--json", StringComparer.Ordinal);
        var debug = args.Contains("--verbose", StringComparer.Ordinal) || Environment.GetEnvironmentVariable(DebugVariable) is "1" or "true";
        if (parsed.Errors.Count > 0 || ParseErrors.OptionTakenAsPath(parsed) is not null)
        {
            return await ReportAsync(context, new CliError(ExitCodes.UsageError, "usage", ParseErrors.Describe(parsed)), json);
        }

        try
        {
            if (parsed.Action is not HelpAction && parsed.CommandResult.Command != root)
            {
                // Every setting is read and checked before a command does anything: a bad value fails here, once, by name.
                context.Services.GetService<IStartupValidator>()?.Validate();
            }

            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,

                // Exceptions are turned into one line below, never a stack trace.
                EnableDefaultExceptionHandler = false,

                // Ctrl+C cancels the token given here (see Interrupt); System.CommandLine's own handler would stop waiting
                // for the command after its timeout and return while a job is still writing its manifest.
                ProcessTerminationTimeout = null,
            }, cancellationToken);
        }
        catch (Exception ex)
        {
            var error = CliError.From(ex);
            if (debug)
            {
                await context.Error.WriteLineAsync(Redact(context, ex.ToString()));
            }

            return await ReportAsync(context, error, json);
        }
    }

    /// <summary>Writes the one line on stderr, and with <c>--json</c> one JSON object on stdout; returns the exit code.</summary>
    private static async Task<int> ReportAsync(CliContext context, CliError error, bool json)
    {
        // One line whatever a quoted path holds (newlines, escape sequences, bidi overrides), and no key a server repeated.
        var message = PrintableText.Escape(Redact(context, error.Message));
        await context.Error.WriteLineAsync($"error: {message}");
        if (json)
        {
            var body = new { Error = new { error.Code, Message = message, error.ExitCode } };
            await context.Out.WriteLineAsync(CliJson.Serialize(body));
        }

        return error.ExitCode;
    }

    /// <summary>Keys a server repeated, or a configuration message quoted, never reach the terminal.</summary>
    private static string Redact(CliContext context, string text)
    {
        try
        {
            return context.Services.GetService<SecretRedactor>() is { } redactor ? redactor.Redact(text) : text;
        }
        catch (Exception ex) when (ex is InvalidOperationException or OptionsValidationException)
        {
            // The redactor's own settings did not bind; the error being reported says why.
            return text;
        }
    }
}

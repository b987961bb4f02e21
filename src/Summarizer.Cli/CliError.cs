using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Summarizer.Core.Batch;
using Summarizer.Core.Engines;
using Summarizer.Core.Exchange;
using Summarizer.Core.Jobs;
using Summarizer.Core.Planning;
using Summarizer.Core.Prompts;
using Summarizer.Core.Store;

namespace Summarizer.Cli;

/// <summary>
/// What an exception that escaped a command means to the user: an exit code, a short machine-readable code for
/// <c>--json</c>, and one line in the form <c>&lt;what&gt; (&lt;file or job&gt;): &lt;why&gt;. &lt;what to do&gt;</c>.
/// </summary>
/// <param name="ExitCode">The process exit code (<see cref="ExitCodes"/>).</param>
/// <param name="Code">A stable code for scripts: usage, configuration, prompt, exchange, batch_api, job_store, output, disk_full, cancelled, internal.</param>
/// <param name="Message">The line printed after <c>error: </c>.</param>
public sealed partial record CliError(int ExitCode, string Code, string Message)
{
    /// <summary>Describes an exception.</summary>
    public static CliError From(Exception exception) => exception switch
    {
        OperationCanceledException => new(ExitCodes.Cancelled, "cancelled", "cancelled; finished articles stay written (summarizer resume <job> continues)"),
        OptionsValidationException options => new(ExitCodes.UsageError, "configuration", $"configuration ({(string.IsNullOrEmpty(options.OptionsName) ? options.OptionsType.Name : options.OptionsName)}): {string.Join("; ", options.Failures).TrimEnd('.')}. Fix it in appsettings.json or its Summarizer__… environment variable"),
        InvalidOperationException convert when ConversionFailure().Match(convert.Message) is { Success: true } match => Unparsable(match),
        PromptException prompt => new(ExitCodes.UsageError, "prompt", prompt.Message),
        EngineConfigurationException or PlanInputException or JobNotFoundException or JobChangeRefusedException or ApplyRefusedException => new(ExitCodes.UsageError, "usage", exception.Message),
        ExchangeException => new(ExitCodes.UsageError, "exchange", exception.Message),
        BatchApiException batch => new(ExitCodes.BatchApiFailed, "batch_api", batch.Message),
        JobStoreException store => new(ExitCodes.StoreOrOutputUnusable, "job_store", store.Message),
        SqliteException { SqliteErrorCode: SqliteFull } full => new(ExitCodes.StoreOrOutputUnusable, "disk_full", $"disk full while writing the job store ({full.Message.TrimEnd('.')}): free space, then 'summarizer resume <job>' continues where the job stopped"),
        SqliteException sqlite => new(ExitCodes.StoreOrOutputUnusable, "job_store", $"job store: {sqlite.Message.TrimEnd('.')}. Check the output folder (--out) is writable"),
        IOException io when IsDiskFull(io) => new(ExitCodes.StoreOrOutputUnusable, "disk_full", $"disk full while writing ({io.Message}): free space, then 'summarizer resume <job>' continues where the job stopped"),
        UnauthorizedAccessException or IOException => new(ExitCodes.StoreOrOutputUnusable, "output", $"cannot write the output ({exception.Message}). Choose a writable folder with --out"),
        _ => new(ExitCodes.InternalError, "internal", $"unexpected {exception.GetType().Name}: {FirstLine(exception.Message)}. This is a bug: run again with --verbose for the stack trace and report it"),
    };

    // SQLITE_FULL: "database or disk is full".
    private const int SqliteFull = 13;

    /// <summary>ENOSPC (28) and EDQUOT (122) on Unix, ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows.</summary>
    private static bool IsDiskFull(IOException io) =>
        (io.HResult & 0xFFFF) is 28 or 122 or 0x70 or 0x27 || io.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase);

    private static CliError Unparsable(Match match)
    {
        var key = match.Groups["key"].Value;
        var type = match.Groups["type"].Value.Replace("System.", string.Empty, StringComparison.Ordinal);
        return new(ExitCodes.UsageError, "configuration",
            $"configuration ({key}): '{match.Groups["value"].Value}' is not a valid {type}. Fix it in appsettings.json or the {key.Replace(":", "__", StringComparison.Ordinal)} environment variable");
    }

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r', '.');

    // Microsoft.Extensions.Configuration.Binder: "Failed to convert configuration value 'abc' at 'Summarizer:Jobs:Concurrency' to type 'System.Int32'."
    [GeneratedRegex(@"Failed to convert configuration value '(?<value>[^']*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex ConversionFailure();
}

using System.CommandLine;
using Summarizer.Core.Exchange;
using Summarizer.Core.Store;

namespace Summarizer.Cli.Commands;

/// <summary>
/// <c>summarizer export</c>, <c>summarizer import</c> and <c>summarizer tm import|export|stats</c>: a job's sentences
/// out to a reviewer's CAT tool and their review back in as review records, and the translation memory as TMX.
/// </summary>
public static class ExchangeCommands
{
    /// <summary>Creates <c>export</c>.</summary>
    public static Command Export(CliContext context)
    {
        var jobId = new Argument<string>("job-id") { Description = "The job to export." };
        var format = new Option<string>("--format") { Description = "xliff12 (default), xliff2 or tmx.", DefaultValueFactory = _ => ExchangeFormats.Xliff12 };
        var article = new Option<string?>("--article") { Description = "Export one article only." };
        var file = new Option<string?>("--file") { Description = "The file to write (default: review/<job-id>.xlf or .tmx in the job folder)." };
        var all = new Option<bool>("--all") { Description = "TMX: every translated sentence, not only approved ones." };
        var output = StoreCommands.OutputOption();
        var command = new Command("export", "Write a job's sentences for review in a CAT tool (XLIFF 1.2 or 2.1), or its approved segments as TMX.") { jobId, format, article, file, all, output };
        command.SetAction(parse =>
        {
            var name = ExchangeFormats.Require(parse.GetValue(format));
            if (Job(context, parse.GetValue(output), parse.GetValue(jobId)!) is not { } found)
            {
                return ExitCodes.UsageError;
            }

            var (path, units) = new ReviewExchange(found.Reviews).Export(found.Job.JobId, found.Job.Directory, name, parse.GetValue(article), parse.GetValue(file), parse.GetValue(all));
            context.Out.WriteLine($"{units} {(name == ExchangeFormats.Tmx ? "segments" : "units")} written: {path}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Creates <c>import</c>.</summary>
    public static Command Import(CliContext context)
    {
        var jobId = new Argument<string>("job-id") { Description = "The job the file was exported from." };
        var file = new Argument<string>("file") { Description = "The reviewed XLIFF file (1.2 or 2.x)." };
        var reviewer = new Option<string?>("--reviewer") { Description = "Who reviewed (default: the OS user)." };
        var output = StoreCommands.OutputOption();
        var command = new Command("import", "Record a reviewed XLIFF file's edits and states as reviews of the job; approved segments join the translation memory.") { jobId, file, reviewer, output };
        command.SetAction(parse =>
        {
            if (Job(context, parse.GetValue(output), parse.GetValue(jobId)!) is not { } found)
            {
                return ExitCodes.UsageError;
            }

            var import = new ReviewExchange(found.Reviews).Import(
                found.Job.JobId, found.Job.Directory, Path.GetFullPath(parse.GetValue(file)!), Reviewer(parse.GetValue(reviewer)), DateTimeOffset.UtcNow);
            foreach (var warning in import.Warnings)
            {
                context.Error.WriteLine($"warning: {warning}");
            }

            context.Out.WriteLine(import.Summary);
            context.Out.WriteLine($"{import.Edits.Count} review records saved in {found.Reviews.DatabasePath}; {import.Approved.Count} approved segments in the translation memory");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Creates <c>tm</c>.</summary>
    public static Command Tm(CliContext context)
    {
        var output = StoreCommands.OutputOption();
        var importFile = new Argument<string>("file") { Description = "The TMX file to read." };
        var import = new Command("import", "Add a TMX file's Arabic–English pairs to the translation memory.") { importFile, output };
        import.SetAction(parse =>
        {
            var (added, skipped) = new ReviewExchange(Reviews(context, parse.GetValue(output)))
                .ImportTm(Path.GetFullPath(parse.GetValue(importFile)!), Reviewer(null), DateTimeOffset.UtcNow);
            context.Out.WriteLine($"{added} segments added or updated, {skipped} skipped (no Arabic or no English)");
            return ExitCodes.Success;
        });

        var exportFile = new Argument<string>("file") { Description = "The TMX file to write." };
        var export = new Command("export", "Write the translation memory as TMX 1.4b.") { exportFile, output };
        export.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(exportFile)!);
            var count = new ReviewExchange(Reviews(context, parse.GetValue(output))).ExportTm(path);
            context.Out.WriteLine($"{count} segments written: {path}");
            return ExitCodes.Success;
        });

        var stats = new Command("stats", "Show what the translation memory holds.") { output };
        stats.SetAction(parse =>
        {
            var tm = Reviews(context, parse.GetValue(output)).TmStats();
            var newest = tm.Newest is { } time ? time.UtcDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture) : "never";
            context.Out.WriteLine($"{tm.Entries} segments from {tm.Jobs} jobs by {tm.Reviewers} reviewers; newest {newest}");
            return ExitCodes.Success;
        });
        return new Command("tm", "The translation memory of approved segments: import or export TMX, or show its size.") { import, export, stats };
    }

    private static (StoredJob Job, ReviewStore Reviews)? Job(CliContext context, string? output, string jobId)
    {
        var store = StoreCommands.Store(context, output);
        return StoreCommands.JobWithFolder(context, store, jobId) is { } job ? (job, new ReviewStore(store.DatabasePath)) : null;
    }

    private static ReviewStore Reviews(CliContext context, string? output) => new(StoreCommands.Store(context, output).DatabasePath);

    /// <summary>Who reviews: the name given (<c>--reviewer</c>), else the OS user.</summary>
    internal static string Reviewer(string? given) => string.IsNullOrWhiteSpace(given) ? Environment.UserName : given.Trim();
}

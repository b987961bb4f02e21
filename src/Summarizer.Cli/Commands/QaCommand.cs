using System.CommandLine;
using Summarizer.Core.Jobs;
using Summarizer.Core.Quality;
using Summarizer.Core.Rendering;
using Summarizer.Core.Validation;
using Summarizer.Core.Outputs;

namespace Summarizer.Cli.Commands;

/// <summary><c>summarizer qa &lt;job-id&gt;</c>: run the QA checks, write qa.json, exit non-zero when errors exist.</summary>
public static class QaCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var jobId = new Argument<string>("job-id") { Description = "The job to check." };
        var output = StoreCommands.OutputOption();
        var command = new Command("qa", "Check a job's translations (numbers, Arabic left in English, untranslated, length outliers, name variants, repeats, marks, glossary); writes qa.json; exit 2 when errors exist.") { jobId, output };
        command.SetAction(parse =>
        {
            if (StoreCommands.JobWithFolder(context, StoreCommands.Store(context, parse.GetValue(output)), parse.GetValue(jobId)!) is not { } job)
            {
                return ExitCodes.UsageError;
            }

            var report = QaChecks.Run(job.Directory);
            var folder = new JobFolder(job.Directory);
            folder.WriteJson(JobFolder.Qa, report);
            var path = folder.File(JobFolder.Qa);
            foreach (var finding in report.Findings.Where(f => f.Severity != Severities.Note))
            {
                context.Out.WriteLine($"{finding.Severity,-7} {finding.Article} {finding.Item} {finding.Check}: {finding.Message}");
            }

            context.Out.WriteLine($"{report.Errors} errors, {report.Warnings} warnings, {report.Notes} notes ({string.Join(", ", report.ByCheck.Select(c => $"{c.Key} {c.Value}"))})");
            context.Out.WriteLine($"written: {path}");
            return report.Errors > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
        });
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using Summarizer.Core.Evaluation;
using Summarizer.Core.Jobs;
using Summarizer.Core.Rendering;
using Summarizer.Core.Outputs;

namespace Summarizer.Cli.Commands;

/// <summary><c>summarizer eval &lt;job-id&gt; --references &lt;dir|job-id&gt;</c>: chrF, chrF++ and BLEU, citation validity, unsupported claims.</summary>
public static class EvalCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var jobId = new Argument<string>("job-id") { Description = "The job to score." };
        var references = new Option<string>("--references") { Description = "A folder of <article-id>.txt files (one sentence per line), or another job's id.", Required = true };
        var output = StoreCommands.OutputOption();
        var command = new Command("eval", "Score a job's translations against references (chrF2, chrF2++, BLEU) and check its claims; writes eval.json.") { jobId, references, output };
        command.SetAction(parse =>
        {
            var store = StoreCommands.Store(context, parse.GetValue(output));
            var job = store.GetJob(parse.GetValue(jobId)!);
            var reference = parse.GetValue(references)!;
            var referenceJob = store.GetJob(reference);
            if (job is not null && (!StoreCommands.FolderExists(context, job) || (referenceJob is not null && !StoreCommands.FolderExists(context, referenceJob))))
            {
                return ExitCodes.UsageError;
            }

            var referenceDirectory = referenceJob?.Directory ?? reference;
            if (job is null || !Directory.Exists(referenceDirectory))
            {
                context.Error.WriteLine($"error: {(job is null ? $"no job {parse.GetValue(jobId)} in {store.DatabasePath}" : $"references not found: {reference} (a folder or a job id)")}");
                return ExitCodes.UsageError;
            }

            var report = JobEvaluation.Evaluate(job.Directory, referenceDirectory);
            var folder = new JobFolder(job.Directory);
            folder.WriteJson(JobFolder.Eval, report);
            var path = folder.File(JobFolder.Eval);
            foreach (var article in report.Articles)
            {
                context.Out.WriteLine(article.Problem is null
                    ? string.Create(CultureInfo.InvariantCulture, $"{article.Id,-28} chrF2 {article.ChrF,6:0.00}  chrF2++ {article.ChrFPlusPlus,6:0.00}  BLEU {article.Bleu,6:0.00}")
                    : $"{article.Id,-28} {article.Problem}");
            }

            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus                       chrF2 {report.ChrF,6:0.00}  chrF2++ {report.ChrFPlusPlus,6:0.00}  BLEU {report.Bleu,6:0.00}"));
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"citation validity {report.CitationValidity * 100:0.0}%; claims with unsupported numbers {report.UnsupportedClaimRate * 100:0.0}%"));

            // sacreBLEU labels a score "name|signature"; eval.json keeps the bare signatures, as sacreBLEU's JSON does.
            context.Out.WriteLine($"chrF2|{report.Signatures.ChrF}\nchrF2++|{report.Signatures.ChrFPlusPlus}\nBLEU|{report.Signatures.Bleu}");
            context.Out.WriteLine($"written: {path}");
            return report.Articles.Any(a => a.Problem is not null) ? ExitCodes.PartialFailure : ExitCodes.Success;
        });
        return command;
    }
}

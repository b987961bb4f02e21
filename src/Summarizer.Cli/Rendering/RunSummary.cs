using System.Globalization;
using Spectre.Console;
using Summarizer.Core.Ingest;
using Summarizer.Core.Jobs;
using Summarizer.Core.Rendering;
using Summarizer.Core.Outputs;

namespace Summarizer.Cli.Rendering;

/// <summary>Writes the end-of-run summary: where the outputs are, each article's status, what was spent.</summary>
public static class RunSummary
{
    /// <summary>Writes the summary.</summary>
    public static void Write(JobResult result, CliContext context)
    {
        var console = Terminal.Create(context);
        var table = new Table().Border(TableBorder.Rounded).Title($"Job {result.JobId}: {result.Status}");
        table.AddColumns("article", "status", "reason");
        foreach (var article in result.Articles)
        {
            table.AddRow(new Text(article.Id), new Text(article.Status), new Text(PrintableText.Escape(article.Reason)));
        }

        var stages = new Table().Border(TableBorder.Rounded).Title("Calls and tokens");
        stages.AddColumns("stage", "paid calls", "reused", "repairs", "failed", "input tok", "output tok");
        foreach (var stage in result.Usage)
        {
            stages.AddRow(stage.Stage, N(stage.Calls), N(stage.Reused), N(stage.Repairs), N(stage.Failed), N(stage.InputTokens), N(stage.OutputTokens));
        }

        console.Write(table);
        console.Write(stages);
        var cost = result.CostUsd is { } usd ? usd.ToString("0.0000", CultureInfo.InvariantCulture) + " USD" : "not priced";
        console.WriteLine($"engine: {result.Engine.Kind} ({result.Engine.Reason}); model: {result.Engine.Model}; cost: {cost}");
        if (result.Qa is { } qa)
        {
            console.WriteLine($"QA: {qa.Errors} errors, {qa.Warnings} warnings, {qa.Notes} notes" + (qa.Errors + qa.Warnings > 0 ? $" (summarizer qa {result.JobId} lists them)" : string.Empty));
        }

        var job = PrintableText.Escape(result.JobDirectory);
        console.WriteLine($"outputs: {job}");
        console.WriteLine($"  start here:    {Path.Combine(job, JobLinks.Index)}");
        console.WriteLine($"  briefing:      {Path.Combine(job, JobLinks.BriefingPage)} (and {JobLinks.BriefingMarkdown})");
        console.WriteLine($"  side by side:  {Path.Combine(job, JobFolder.Articles, "<article-id>", JobFolder.SideBySide)}");
        console.WriteLine($"  QA, manifest:  {Path.Combine(job, JobFolder.Qa)}, {Path.Combine(job, JobFolder.Manifest)}");
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

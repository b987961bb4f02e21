using System.Globalization;
using Spectre.Console;
using Summarizer.Core.Ingest;
using Summarizer.Core.Planning;

namespace Summarizer.Cli.Rendering;

/// <summary>Writes a plan as readable tables: one row per article, then per-stage estimates and totals.</summary>
public static class PlanTable
{
    /// <summary>Writes the plan.</summary>
    public static void Write(JobPlan plan, CliContext context)
    {
        var console = Terminal.Create(context);
        var articles = new Table().Border(TableBorder.Rounded).Title("Articles");
        // The title column holds only titles; why a file was rejected has its own column.
        articles.AddColumns("id", "status", "title", "reason", "sentences", "chunks", "removed", "input tok", "output tok");
        foreach (var article in plan.Articles)
        {
            articles.AddRow(
                Text(article.Id),
                article.IsAccepted ? new Markup("[green]ok[/]") : new Markup("[red]rejected[/]"),
                Text(article.IsAccepted ? Shorten(article.Title ?? string.Empty, 40) : string.Empty),
                Text(article.IsAccepted ? string.Empty : article.Message ?? string.Empty),
                Number(article.Sentences),
                Number(article.Chunks),
                Number(article.RemovedLines),
                Number(article.InputTokens),
                Number(article.OutputTokens));
        }

        var stages = new Table().Border(TableBorder.Rounded).Title("Estimated calls and tokens");
        stages.AddColumns("stage", "calls", "input tok", "output tok");
        foreach (var stage in plan.Stages)
        {
            stages.AddRow(Text(stage.Stage), Number(stage.Calls), Number(stage.InputTokens), Number(stage.OutputTokens));
        }

        stages.AddRow(new Markup("[bold]total[/]"), Number(plan.Calls), Number(plan.InputTokens), Number(plan.OutputTokens));

        console.Write(articles);
        console.Write(stages);
        var cost = plan.CostUsd is { } usd ? usd.ToString("0.0000", CultureInfo.InvariantCulture) + " USD" : "no price for this model";
        console.WriteLine(
            $"{plan.Articles.Count} articles ({plan.Rejected} rejected), {plan.Sentences} sentences, {plan.Chunks} chunks; " +
            $"chunk budget {plan.ChunkTokens} tokens ({plan.Encoding}); estimated cost on {plan.Model}: {cost}" +
            (plan.BatchRounds is { } rounds ? $" at the batch price, in {rounds} rounds (one more for repairs and failed lines), each up to the provider's 24 h window" : string.Empty));
    }

    /// <summary>A cell showing text that may come from the input (titles, reasons quoting a name) escaped, never acting on the terminal.</summary>
    private static Text Text(string value) => new(PrintableText.Escape(value));

    private static Text Number(long value) => new Text(value.ToString("N0", CultureInfo.InvariantCulture)).RightJustified();

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}

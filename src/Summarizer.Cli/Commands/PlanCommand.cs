using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Cli.Rendering;
using Summarizer.Core.Chunking;
using Summarizer.Core.Ingest;
using Summarizer.Core.Planning;
using Summarizer.Core.Tokens;

namespace Summarizer.Cli.Commands;

/// <summary><c>summarizer plan &lt;paths…&gt;</c>: what a job would cost, without calling a model.</summary>
public static class PlanCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Article files or folders (searched recursively).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var chunkTokens = new Option<int?>("--chunk-tokens") { Description = "Source tokens per chunk (default from appsettings.json)." };
        var model = new Option<string?>("--model") { Description = "Model whose prices to use (default from appsettings.json)." };
        var mode = new Option<string?>("--mode") { Description = "realtime (default) or batch: price calls at the Batch API's discount and show its rounds." };
        mode.AcceptOnlyFromAmong(Summarizer.Core.Jobs.JobModes.Realtime, Summarizer.Core.Jobs.JobModes.Batch);
        var removed = new Option<bool>("--removed") { Description = "List the lines ingest removed from each article (junk, metadata) with the rule that removed each; --verbose does too." };
        chunkTokens.Validators.Add(result =>
        {
            // Reads the token itself: a value that is not a number is already reported by the parser.
            if (result.Tokens is [var token] && int.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is < 16 or > 100_000)
            {
                result.AddError("--chunk-tokens must be between 16 and 100000.");
            }
        });

        var command = new Command("plan", "Plan a job: articles, sentences, chunks, calls, tokens and cost. No model is called.")
        {
            paths, json, chunkTokens, model, mode, removed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new PlanRequest(parse.GetValue(paths) ?? [])
            {
                ChunkTokens = parse.GetValue(chunkTokens),
                Model = parse.GetValue(model),
                KeepRemovedLines = parse.GetValue(removed) || parse.GetValue<bool>("--verbose"),
                Batch = parse.GetValue(mode) == Summarizer.Core.Jobs.JobModes.Batch,
            };
            return await RunAsync(context, request, parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, PlanRequest request, bool asJson, CancellationToken cancellationToken)
    {
        // Asked for first, the token counter starts loading its vocabulary (the slowest part of planning a few articles)
        // while the planner's other services are built and the files are read (see O200kTokenCounter).
        _ = context.Services.GetRequiredService<ITokenCounter>();

        // A missing path (PlanInputException) is reported by the top-level handler, with --json too.
        var plan = await context.Services.GetRequiredService<JobPlanner>().PlanAsync(request, cancellationToken: cancellationToken);

        foreach (var rejected in plan.Articles.Where(a => !a.IsAccepted))
        {
            await context.Error.WriteLineAsync(rejected.ToString());
        }

        if (asJson)
        {
            await PlanReport.From(plan).WriteJsonAsync(context.Out, cancellationToken);
            await context.Out.WriteLineAsync();
        }
        else
        {
            PlanTable.Write(plan, context);
            foreach (var article in plan.Articles.Where(a => a.Removed.Count > 0))
            {
                await context.Out.WriteLineAsync($"removed from {PrintableText.Escape(article.Path)}:");
                foreach (var line in article.Removed)
                {
                    await context.Out.WriteLineAsync($"  line {line.LineNumber} [{line.Rule}]: {PrintableText.Escape(line.Text)}");
                }
            }
        }

        return plan.Rejected > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
    }
}

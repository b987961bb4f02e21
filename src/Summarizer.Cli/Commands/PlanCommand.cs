using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Cli.Rendering;
using Summarizer.Core.Ingest;
using Summarizer.Core.Planning;

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
            paths, json, chunkTokens, model,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new PlanRequest(parse.GetValue(paths) ?? [])
            {
                ChunkTokens = parse.GetValue(chunkTokens),
                Model = parse.GetValue(model),
            };
            return await RunAsync(context, request, parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, PlanRequest request, bool asJson, CancellationToken cancellationToken)
    {
        JobPlan plan;
        try
        {
            plan = await context.Services.GetRequiredService<JobPlanner>().PlanAsync(request, cancellationToken: cancellationToken);
        }
        catch (PlanInputException ex)
        {
            // The message may quote a path the user named: escaped, so it stays one line whatever the name holds.
            await context.Error.WriteLineAsync($"error: {PrintableText.Escape(ex.Message)}");
            return ExitCodes.UsageError;
        }

        foreach (var rejected in plan.Articles.Where(a => !a.IsAccepted))
        {
            await context.Error.WriteLineAsync(rejected.Ingest.ToString());
        }

        if (asJson)
        {
            await context.Out.WriteLineAsync(PrintableText.EscapeJson(PlanReport.From(plan).ToJson()));
        }
        else
        {
            PlanTable.Write(plan, context);
        }

        return plan.Rejected > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
    }
}

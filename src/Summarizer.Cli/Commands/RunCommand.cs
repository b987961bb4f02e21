using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Cli.Rendering;
using Summarizer.Core.Engines;
using Summarizer.Core.Jobs;
using Summarizer.Core.Planning;
using Summarizer.Core.Prompts;
using Summarizer.Core.Rendering;

namespace Summarizer.Cli.Commands;

/// <summary><c>summarizer run &lt;paths…&gt;</c>: translate, summarise and brief a folder of articles.</summary>
public static class RunCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Article files or folders (searched recursively).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Folder for job folders (default: outputs)." };
        var concurrency = new Option<int?>("--concurrency") { Description = "Model calls at once (default 4)." };
        var chunkTokens = new Option<int?>("--chunk-tokens") { Description = "Source tokens per chunk (default from appsettings.json)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with the job's outcome." };
        concurrency.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && int.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is < 1 or > 256)
            {
                result.AddError("--concurrency must be between 1 and 256.");
            }
        });
        var engine = new EngineArguments();
        var command = new Command("run", "Run the workflow: translate, summarise with citations, merge per article, brief the job.")
        {
            paths, output, concurrency, chunkTokens, json,
        };
        engine.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new JobRequest(parse.GetValue(paths) ?? [])
            {
                Engine = engine.Engine(parse),
                PromptVersions = engine.PromptVersions(parse),
                OutputRoot = parse.GetValue(output),
                Concurrency = parse.GetValue(concurrency),
                ChunkTokens = parse.GetValue(chunkTokens),
            };
            return await RunAsync(context, request, parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    /// <summary>Runs a job and reports it; shared by every command that runs one.</summary>
    public static async Task<int> RunAsync(CliContext context, JobRequest request, bool asJson, CancellationToken cancellationToken)
    {
        var runner = context.Services.GetRequiredService<JobRunner>();
        JobResult result;
        try
        {
            result = await JobProgressDisplay.RunAsync(context, progress => runner.RunAsync(request, progress, cancellationToken));
        }
        catch (Exception ex) when (ex is PlanInputException or EngineConfigurationException or PromptException)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.UsageError;
        }

        foreach (var article in result.Articles.Where(a => a.Status is not (JobStatuses.Done)))
        {
            await context.Error.WriteLineAsync($"{article.Path}: {article.Status}: {article.Reason ?? "some items failed; see manifest.json"}");
        }

        if (asJson)
        {
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(RunReport.From(result), OutputJson.Options));
        }
        else
        {
            RunSummary.Write(result, context);
        }

        return result.Status switch
        {
            JobStatuses.Done => ExitCodes.Success,
            JobStatuses.Cancelled => ExitCodes.Cancelled,
            _ => ExitCodes.PartialFailure,
        };
    }
}

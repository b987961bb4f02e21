using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Planning;
using Summarizer.Core.Prompts;

namespace Summarizer.Cli.Commands;

/// <summary><c>summarizer prompts list|show|check|new</c>: the versioned prompt files and their lock.</summary>
public static class PromptsCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var list = new Command("list", "List every stage's versions, which one is configured, and which are published (locked).");
        list.SetAction(_ =>
        {
            var library = Library(context);
            foreach (var stage in StageNames.All)
            {
                var configured = library.ConfiguredVersion(stage);
                var versions = library.Versions(stage).Select(v =>
                    $"v{v}{(v == configured ? "*" : string.Empty)}{(library.Lock.HashOf(stage, v) is null ? string.Empty : " (locked)")}");
                context.Out.WriteLine($"{stage,-10} {string.Join(", ", versions)}");
            }

            context.Out.WriteLine("* configured version; locked versions have been used by a job and must not change");
            return ExitCodes.Success;
        });

        var stageArgument = new Argument<string>("stage") { Description = "translate, summarize, merge or brief." };
        stageArgument.AcceptOnlyFromAmong([.. StageNames.All]);
        var version = new Option<int?>("--version") { Description = "Version to show (default: configured)." };
        var show = new Command("show", "Print a prompt file with its hash.") { stageArgument, version };
        show.SetAction(parse => Guard(context, () =>
        {
            var prompt = Library(context).LoadConfigured(parse.GetValue(stageArgument)!, parse.GetValue(version));
            context.Out.WriteLine($"# {prompt.Path} · {prompt.VersionLabel} · sha256 {prompt.Sha256}");
            context.Out.Write(File.ReadAllText(prompt.Path));
        }));

        var check = new Command("check", "Check that every prompt file loads and no published version was edited.");
        check.SetAction(_ => Guard(context, () =>
        {
            var library = Library(context);
            foreach (var stage in StageNames.All)
            {
                foreach (var v in library.Versions(stage))
                {
                    var prompt = library.Load(stage, v);
                    context.Out.WriteLine($"ok {stage} v{v} {prompt.Sha256[..12]}{(library.Lock.HashOf(stage, v) is null ? string.Empty : " locked")}");
                }
            }
        }));

        var newStage = new Argument<string>("stage") { Description = "translate, summarize, merge or brief." };
        newStage.AcceptOnlyFromAmong([.. StageNames.All]);
        var create = new Command("new", "Copy a stage's latest version to the next number, to edit; nothing is locked until a job uses it.") { newStage };
        create.SetAction(parse => Guard(context, () =>
            context.Out.WriteLine($"wrote {Library(context).CreateNext(parse.GetValue(newStage)!)}; edit it, then run with --prompt {parse.GetValue(newStage)}=v{Library(context).Versions(parse.GetValue(newStage)!)[^1]}")));

        return new Command("prompts", "List, show, check and create versioned prompts.") { list, show, check, create };
    }

    private static PromptLibrary Library(CliContext context) => context.Services.GetRequiredService<PromptLibrary>();

    /// <summary>Runs a prompts action; a <see cref="PromptException"/> is reported by the top-level handler.</summary>
    private static int Guard(CliContext context, Action action)
    {
        _ = context;
        action();
        return ExitCodes.Success;
    }
}

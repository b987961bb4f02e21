using System.CommandLine;
using Summarizer.Core.Engines;
using Summarizer.Core.Planning;

namespace Summarizer.Cli.Commands;

/// <summary>The options every command that calls a model shares: engine, endpoint, model, deployment, prompt versions.</summary>
public sealed class EngineArguments
{
    private readonly Option<string?> _engine = new("--engine") { Description = "azure, openai or reference (default: configuration, else azure when AZURE_OPENAI_ENDPOINT is set, else reference)." };
    private readonly Option<string?> _endpoint = new("--endpoint") { Description = "Azure OpenAI resource URL, or an OpenAI-compatible base URL such as http://localhost:11434/v1." };
    private readonly Option<string?> _model = new("--model") { Description = "Model name (openai engine; also selects the price row)." };
    private readonly Option<string?> _deployment = new("--deployment") { Description = "Azure OpenAI deployment name." };
    private readonly Option<string[]> _prompts = new("--prompt") { Description = "Prompt version per stage, e.g. --prompt summarize=v2 (repeatable).", AllowMultipleArgumentsPerToken = false };

    /// <summary>Initializes a new instance of the <see cref="EngineArguments"/> class.</summary>
    public EngineArguments()
    {
        _engine.AcceptOnlyFromAmong([.. EngineKinds.All]);
        _prompts.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!TryParsePrompt(token.Value, out _, out _))
                {
                    result.AddError($"--prompt '{token.Value}' must be stage=vN with stage one of {string.Join(", ", StageNames.All)}");
                }
            }
        });
    }

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_engine);
        command.Options.Add(_endpoint);
        command.Options.Add(_model);
        command.Options.Add(_deployment);
        command.Options.Add(_prompts);
    }

    /// <summary>Reads the engine settings given.</summary>
    public EngineOverrides Engine(ParseResult parse) => new()
    {
        Kind = parse.GetValue(_engine),
        Endpoint = parse.GetValue(_endpoint),
        Model = parse.GetValue(_model),
        Deployment = parse.GetValue(_deployment),
    };

    /// <summary>Reads the prompt versions given.</summary>
    public IReadOnlyDictionary<string, int> PromptVersions(ParseResult parse)
    {
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in parse.GetValue(_prompts) ?? [])
        {
            if (TryParsePrompt(value, out var stage, out var version))
            {
                versions[stage] = version;
            }
        }

        return versions;
    }

    private static bool TryParsePrompt(string value, out string stage, out int version)
    {
        var parts = value.Split('=', 2, StringSplitOptions.TrimEntries);
        stage = parts[0].ToLowerInvariant();
        version = 0;
        return parts.Length == 2
            && StageNames.All.Contains(stage)
            && int.TryParse(parts[1].TrimStart('v', 'V'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out version)
            && version > 0;
    }
}

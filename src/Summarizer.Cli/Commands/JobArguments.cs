using System.CommandLine;
using Summarizer.Core.Jobs;

namespace Summarizer.Cli.Commands;

/// <summary>The options of every command that runs a job: run, resume, rerun and apply.</summary>
public sealed class JobArguments
{
    private readonly Option<string?> _output = new("--out") { Description = "Output folder holding job folders and summarizer.db (default: outputs)." };
    private readonly Option<int?> _concurrency = new("--concurrency") { Description = "Model calls at once (default 4)." };
    private readonly Option<int?> _chunkTokens = new("--chunk-tokens") { Description = "Source tokens per chunk (default from appsettings.json)." };
    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON object with the job's outcome." };
    private readonly Option<bool> _noCache = new("--no-cache") { Description = "Call the model even when a valid cached answer exists." };
    private readonly Option<bool> _noTm = new("--no-tm") { Description = "Leave the translation memory unused: every sentence goes to the model (default: exact matches of approved sentences fill them)." };
    private readonly Option<FilterPolicy?> _onFilter = new("--on-filter") { Description = "When the content filter stops a chunk: mark it (default) or split it in halves to isolate the sentence." };
    private readonly Option<string?> _telemetry = new("--telemetry")
    {
        Description = "console: print calls by outcome, tokens, p50/p95 call time and quota waits per stage at the end. (OTLP export: OTEL_EXPORTER_OTLP_ENDPOINT or Summarizer:Telemetry:Otlp.)",
    };

    private readonly Option<string?> _mode = new("--mode")
    {
        Description = "realtime: send each call when it is ready (default). batch: send ready calls in provider batches (Batch API: half price, rounds of up to 24 h; no English context across chunks). Config: Summarizer:Jobs:Mode.",
    };

    private readonly Option<bool> _noWait = new("--no-wait") { Description = "Batch mode: exit once a round is submitted (or still open); 'summarizer resume <job>' continues." };

    private readonly EngineArguments _engine = new();

    /// <summary>Initializes a new instance of the <see cref="JobArguments"/> class.</summary>
    public JobArguments()
    {
        _concurrency.Validators.Add(result => RequireRange(result, 1, 256, "--concurrency"));
        _chunkTokens.Validators.Add(result => RequireRange(result, 16, 100_000, "--chunk-tokens"));
        _telemetry.AcceptOnlyFromAmong("console");
        _mode.AcceptOnlyFromAmong(JobModes.Realtime, JobModes.Batch);
    }

    /// <summary>Gets the option that sets the output folder (also used by commands that only read jobs).</summary>
    public Option<string?> Output => _output;

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _output, _concurrency, _chunkTokens, _json, _noCache, _noTm, _onFilter, _telemetry, _mode, _noWait })
        {
            command.Options.Add(option);
        }

        _engine.AddTo(command);
    }

    /// <summary>Reads a job request for the given paths (empty for resume and rerun, which take them from the store).</summary>
    public JobRequest Request(ParseResult parse, IReadOnlyList<string> paths) => new(paths)
    {
        Engine = _engine.Engine(parse),
        PromptVersions = _engine.PromptVersions(parse),
        OutputRoot = parse.GetValue(_output),
        Concurrency = parse.GetValue(_concurrency),
        ChunkTokens = parse.GetValue(_chunkTokens),
        NoCache = parse.GetValue(_noCache),
        NoTm = parse.GetValue(_noTm),
        OnFilter = parse.GetValue(_onFilter),
        Mode = parse.GetValue(_mode),
        NoWait = parse.GetValue(_noWait),
    };

    /// <summary>Reads whether to print the telemetry table at the end (<c>--telemetry console</c>).</summary>
    public bool TelemetryConsole(ParseResult parse) => parse.GetValue(_telemetry) == "console";

    /// <summary>Reads whether to print JSON.</summary>
    public bool Json(ParseResult parse) => parse.GetValue(_json);

    /// <summary>Checks an integer option's range from its token (a non-number is reported by the parser itself).</summary>
    public static void RequireRange(System.CommandLine.Parsing.OptionResult result, int min, int max, string name)
    {
        if (result.Tokens is [var token] && int.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out var value) && (value < min || value > max))
        {
            result.AddError($"{name} must be between {min} and {max}.");
        }
    }
}

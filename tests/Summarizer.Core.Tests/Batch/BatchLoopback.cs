using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Batch;
using Summarizer.Core.Engines;
using Summarizer.Core.EngineSetup;
using Summarizer.Core.Store;
using Summarizer.Core.Tokens;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Batch;

/// <summary>Builds the real Batch API clients (through <see cref="EngineFactory"/>) against the loopback server, and rounds of translate calls.</summary>
public abstract class BatchLoopback : LoopbackServerTest, IAsyncLifetime
{
    /// <summary>The three surfaces: OpenAI, Azure's deployments surface, Azure's v1 surface.</summary>
    public static TheoryData<string> Surfaces => ["openai", "azure", "azure-v1"];

    protected static readonly O200kTokenCounter Tokens = new();

    protected BatchApi Api(string surface, params (string, string)[] more)
    {
        var services = surface switch
        {
            "openai" => LoopbackJob.OpenAIServices(Server, Output.Path, more),
            "azure" => LoopbackJob.AzureServices(Server, Output.Path, more),
            _ => LoopbackJob.AzureServices(Server, Output.Path, [("Summarizer:Engine:AzureApi", "v1"), .. more]),
        };
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BatchOptions>>().Value;
        return services.GetRequiredService<EngineFactory>().CreateBatchApi(new EngineOverrides(), options);
    }

    protected BatchStore Store() => new(new JobStore(JobStore.PathIn(Output.Path)), Server.Batch.Clock);

    protected BatchRoundRunner Runner(BatchApi api, BatchStore store, BatchLimits? limits = null) =>
        new(api, store, new BatchRound(Tokens), limits ?? BatchLimits.For(api.Azure, new BatchOptions()), "24h", Server.Batch.Clock);

    /// <summary>Translate calls with one sentence each (s1, s2 …), shaped as the realtime path sends them.</summary>
    protected static List<BatchCall> Calls(BatchApi api, int count, int from = 1) =>
        [.. Enumerable.Range(from, count).Select(i => new BatchCall($"key-{i}", api.RequestUrl, Body(api.Model, i)))];

    protected static JsonObject Body(string? model, int sentence)
    {
        var input = new JsonObject
        {
            ["title"] = "عنوان",
            ["sentences"] = new JsonArray(new JsonObject { ["id"] = $"s{sentence}", ["ar"] = $"ارتفع الإنتاج {sentence} في المئة هذا العام." }),
            ["context"] = new JsonArray(),
            ["glossary"] = new JsonArray(),
        };
        var body = new JsonObject
        {
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = "Translate each sentence into English." },
                new JsonObject { ["role"] = "user", ["content"] = input.ToJsonString() }),
            ["max_tokens"] = 1000,
            ["temperature"] = 0,
            ["response_format"] = new JsonObject
            {
                ["type"] = "json_schema",
                ["json_schema"] = new JsonObject { ["name"] = "translate", ["strict"] = true, ["schema"] = new JsonObject { ["type"] = "object" } },
            },
        };
        if (model is not null)
        {
            body["model"] = model;
        }

        return body;
    }

    /// <summary>Polls, moving the fake clock a minute at a time, until the round's answers are all stored; returns the statuses seen.</summary>
    protected async Task<(BatchRoundState State, List<string> Statuses)> RunToEndAsync(BatchRoundRunner runner, string job, int round)
    {
        var statuses = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            var state = await runner.PollAsync(job, round, CancellationToken.None);
            foreach (var status in state.Parts.Select(p => p.Status).OfType<string>().Where(s => statuses.Count == 0 || statuses[^1] != s))
            {
                statuses.Add(status);
            }

            if (state.IsFinished)
            {
                return (state, statuses);
            }

            Server.Batch.Advance(TimeSpan.FromMinutes(1));
        }

        throw new TimeoutException("the round never finished");
    }
}

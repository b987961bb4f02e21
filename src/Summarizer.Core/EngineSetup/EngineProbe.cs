using Microsoft.SemanticKernel.ChatCompletion;

using Summarizer.Core.Engines;

namespace Summarizer.Core.EngineSetup;

/// <summary>
/// One small request to each deployment before a job is created, outside the retry pipeline, so a wrong endpoint,
/// key, deployment or model family fails at once with its reason instead of after minutes of silent retries. Answers
/// that retrying can cure (429, 5xx, timeouts) let the job start: its pipeline knows how to wait for them.
/// </summary>
public static class EngineProbe
{
    /// <summary>What the probe asks: a tiny, valid answer, in the shape the loopback test server also recognises.</summary>
    public const string Question = "{\"probe\":\"Reply with the single word OK.\"}";

    /// <summary>Probes every deployment of a real engine; the reference engine needs none.</summary>
    /// <exception cref="EngineConfigurationException">A deployment cannot be reached, refuses the key, does not exist, or refuses the model family's parameters.</exception>
    public static async Task ProbeAsync(ResolvedEngine engine, CancellationToken cancellationToken)
    {
        // A pool exists to fail over: one member down does not stop the job, all of them down does.
        EngineConfigurationException? first = null;
        var fatal = 0;
        foreach (var deployment in engine.Pool)
        {
            var history = new ChatHistory();
            history.AddUserMessage(Question);
            var settings = new StageExecutionSettings
            {
                Stage = "probe",
                Family = engine.Profile.Family,
                Temperature = engine.Profile.IsReasoning ? null : 0,
                MaxTokens = engine.Profile.IsReasoning ? 64 : 8,
                ResponseFormat = "none",
                Schema = [],
                Input = [],
            };
            try
            {
                await deployment.Service.GetChatMessageContentsAsync(history, settings, kernel: null, cancellationToken).ConfigureAwait(false);
            }
            catch (EngineCallException ex) when (IsFatal(ex))
            {
                fatal++;
                first ??= new EngineConfigurationException($"endpoint check failed ({deployment.Name}): {ex.Message}. {Advice(ex)}; nothing was run");
            }
            catch (EngineCallException)
            {
                // Throttled, filtered, refused or a passing server fault: the job's own pipeline handles these.
            }
        }

        if (first is not null && fatal == engine.Pool.Count)
        {
            throw first;
        }
    }

    private static bool IsFatal(EngineCallException ex) =>
        ex.Status is 0 or 401 or 403 or 404 || (ex.Status == 400 && ex.Code is "unsupported_parameter" or "unsupported_value");

    private static string Advice(EngineCallException ex) => ex.Status switch
    {
        0 => "Check --endpoint (host, port, scheme) and that the server is running",
        401 or 403 => "Check the API key (AZURE_OPENAI_API_KEY, OPENAI_API_KEY or user-secrets) and its access to this resource",
        404 => "Check --endpoint and the deployment or model name",
        _ => $"Check {EngineOptions.SectionName}:ModelFamily",
    };
}

using Summarizer.Core.Outputs;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Jobs;
using Summarizer.Core.Store;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Store;

/// <summary>
/// A job an earlier build ran (TestData/previous-build, made at commit cab2f97) re-runs under this build paying for
/// nothing: the cache keys did not change, and the outputs made from the cached answers are the same.
/// </summary>
public sealed class PreviousBuildCacheTests : LoopbackServerTest, IAsyncLifetime
{
    /// <summary>
    /// The only things allowed to differ between the two jobs' files: the job id (in <c>provenance.job_id</c>,
    /// <c>provenance.one_line</c> and the briefing's and summaries' job line), <c>provenance.created</c> (when the job
    /// ran) and <c>provenance.endpoint</c> (the loopback server's port).
    /// </summary>
    private static readonly string[] IgnoredProvenance = ["created", "endpoint"];

    [Fact]
    public async Task The_same_inputs_over_the_previous_build_s_store_pay_for_nothing_and_give_the_same_outputs()
    {
        var previous = PreviousBuildJob.Folder;
        File.Copy(Path.Combine(previous, "summarizer.db"), JobStore.PathIn(Output.Path));
        var (previousJobId, versions) = ReadManifest(Path.Combine(previous, "manifest.json"));
        var previousCalls = new JobStore(JobStore.PathIn(Output.Path)).CallCounts(previousJobId);

        var services = LoopbackJob.OpenAIServices(Server, Output.Path, ("Summarizer:Engine:Probe", "false"));
        var result = await services.GetRequiredService<JobRunner>().RunAsync(PreviousBuildJob.Request(Output.Path) with { PromptVersions = versions });

        Assert.Equal(JobStatuses.Done, result.Status);
        Assert.NotEqual(previousJobId, result.JobId);
        Assert.True(Server.Requests.Count == 0, $"{Server.Requests.Count} chat requests reached the server: {string.Join(", ", Server.Requests.Select(r => r.Stage))}");
        Assert.Equal(0, Server.Probes);
        var calls = new JobStore(JobStore.PathIn(Output.Path)).CallCounts(result.JobId);
        Assert.DoesNotContain(calls, c => c.Key.Outcome == CallOutcomes.Paid);

        // Every call the previous job paid for is reused, stage by stage, and nothing else happens.
        Assert.True(previousCalls.Count > 0 && previousCalls.All(c => c.Key.Outcome == CallOutcomes.Paid), string.Join(", ", previousCalls));
        Assert.Equal(
            previousCalls.Select(c => (c.Key.Stage, CallOutcomes.Reused, c.Value)).Order(),
            calls.Select(c => (c.Key.Stage, c.Key.Outcome, c.Value)).Order());

        var articles = Directory.GetDirectories(Path.Combine(previous, "articles")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(articles, result.Articles.Select(a => a.Id).Order(StringComparer.Ordinal));
        foreach (var article in articles)
        {
            foreach (var file in new[] { "translation.json", "claims.json" })
            {
                Assert.Equal(
                    Json(Path.Combine(previous, "articles", article!, file), previousJobId),
                    Json(Path.Combine(result.JobDirectory, "articles", article!, file), result.JobId));
            }

            Assert.Equal(
                Text(Path.Combine(previous, "articles", article!, "summary.md"), previousJobId),
                Text(Path.Combine(result.JobDirectory, "articles", article!, "summary.md"), result.JobId));
        }

        Assert.Equal(Text(Path.Combine(previous, "briefing.md"), previousJobId), Text(Path.Combine(result.JobDirectory, "briefing.md"), result.JobId));
    }

    private static (string JobId, Dictionary<string, int> Versions) ReadManifest(string path)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(path));
        var root = manifest.RootElement;
        var versions = root.GetProperty("provenance").GetProperty("prompts").EnumerateArray().ToDictionary(
            p => p.GetProperty("stage").GetString()!,
            p => int.Parse(p.GetProperty("version").GetString()!.TrimStart('v'), System.Globalization.CultureInfo.InvariantCulture));
        return (root.GetProperty("job_id").GetString()!, versions);
    }

    /// <summary>The file's text with its job's id replaced by a placeholder.</summary>
    private static string Text(string path, string jobId) => File.ReadAllText(path).Replace(jobId, "<job-id>", StringComparison.Ordinal);

    /// <summary>The JSON file, indented, with the job id replaced and the ignored provenance fields blanked.</summary>
    private static string Json(string path, string jobId)
    {
        var root = JsonNode.Parse(Text(path, jobId))!.AsObject();
        var provenance = root["provenance"]!.AsObject();
        foreach (var field in IgnoredProvenance)
        {
            Assert.True(provenance.ContainsKey(field), $"{path} has no provenance.{field}");
            provenance[field] = "<ignored>";
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}

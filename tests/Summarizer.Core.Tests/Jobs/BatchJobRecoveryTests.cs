using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Batch;
using Summarizer.Core.Jobs;
using Summarizer.Core.Outputs;
using Summarizer.Core.Store;
using Summarizer.Testing;
using Xunit.Abstractions;

namespace Summarizer.Core.Tests.Jobs;

/// <summary>
/// A batch job stopped at each step of a round, through <see cref="JobRunner"/>: the upload, the creation or the download
/// answers an error, loses its answer after the service did the work, or hangs until the process is stopped; or the
/// process is stopped while it polls an open batch. Resumed until done, the job pays no line twice, creates no batch
/// and uploads no file twice, and ends with the outputs of an uninterrupted batch run.
/// </summary>
public sealed class BatchJobRecoveryTests(BatchJobRecoveryTests.Uninterrupted baseline, ITestOutputHelper output)
    : LoopbackServerTest, IAsyncLifetime, IClassFixture<BatchJobRecoveryTests.Uninterrupted>
{
    public static TheoryData<BatchOperation, BatchFaultKind> Faults()
    {
        var data = new TheoryData<BatchOperation, BatchFaultKind>();
        foreach (var operation in Enum.GetValues<BatchOperation>())
        {
            foreach (var kind in Enum.GetValues<BatchFaultKind>())
            {
                data.Add(operation, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_job_stopped_by_a_fault_at_any_step_resumes_to_the_outputs_of_an_uninterrupted_run_paying_each_line_once(BatchOperation operation, BatchFaultKind kind)
    {
        Server.Batch.FaultNext(operation, kind);

        var (result, stops) = await RunToEndAsync(Server, BatchServices(Server, Output.Path), Output.Path);
        output.WriteLine(string.Join(Environment.NewLine, stops));

        Assert.Equal([$"{operation} {kind}"], Server.Batch.FaultsHit);
        var stop = Assert.Single(stops);
        if (kind == BatchFaultKind.Hang)
        {
            Assert.Equal(Killed, stop);
        }
        else
        {
            // One line naming the job, the operation, the service's reason, and what to run next.
            Assert.StartsWith($"batch API (job {result.JobId}): {Describe(operation)}", stop, StringComparison.Ordinal);
            Assert.EndsWith($"'summarizer resume {result.JobId}' continues where it stopped", stop, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', stop);
            if (kind == BatchFaultKind.Error)
            {
                Assert.Contains("HTTP 500: The server had an error while processing your request", stop, StringComparison.Ordinal);
            }
        }

        AssertPaidOnceAndEqualToUninterrupted(result);
    }

    [Fact]
    public async Task A_job_stopped_while_it_waits_for_an_open_batch_polls_that_batch_on_resume_and_creates_none_again()
    {
        var services = BatchServices(Server, Output.Path, ("Summarizer:Batch:PollSeconds", "0.02"));
        using var kill = new CancellationTokenSource();
        var waiting = services.GetRequiredService<JobRunner>().RunAsync(new JobRequest([RepositoryPaths.Seeds]), cancellationToken: kill.Token);

        // Stopped once the batch exists and has been polled at least twice.
        for (var deadline = DateTime.UtcNow.AddSeconds(60); Server.Batch.Paths.Count(p => p.StartsWith("GET /v1/batches/batch_", StringComparison.Ordinal)) < 2; await Task.Delay(5))
        {
            Assert.True(DateTime.UtcNow < deadline && !waiting.IsCompleted, "the job never polled its batch");
        }

        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal((1, 1), (Server.Batch.BatchesCreated, Server.Batch.Uploads));
        Assert.Empty(Server.Batch.Served);

        var jobId = new JobStore(JobStore.PathIn(Output.Path)).ListJobs().Single().JobId;
        var (result, stops) = await RunToEndAsync(Server, services, Output.Path, jobId);

        Assert.Empty(stops);
        AssertPaidOnceAndEqualToUninterrupted(result);
    }

    [Fact]
    public async Task A_line_its_expired_batch_never_ran_keeps_its_one_retry_for_a_failure_when_it_first_runs()
    {
        // Round 1's batch expires with half its lines run; the other half first run in round 2, where each answers 429 once.
        Server.Batch.ExpireNextAfterShare = 0.5;
        var failing = new HashSet<string>(StringComparer.Ordinal);
        Server.Batch.LineReply = (id, request) =>
        {
            lock (failing)
            {
                return Server.Batch.BatchesCreated > 1 && request.Stage == "translate" && failing.Add(id)
                    ? FakeModelReply.Error(429, "429", "Rate limit reached for requests")
                    : null;
            }
        };

        var (result, stops) = await RunToEndAsync(Server, BatchServices(Server, Output.Path), Output.Path);

        Assert.Empty(stops);
        Assert.NotEmpty(failing);
        Assert.Equal(JobStatuses.Done, result.Status);
        Assert.Empty(new JobFolder(result.JobDirectory).ReadManifest().Failures);
        Assert.All(Server.Batch.Served, p => Assert.Equal(failing.Contains(p.Key) ? 2 : 1, p.Value));
        var parts = new BatchStore(new JobStore(JobStore.PathIn(Output.Path))).Parts(result.JobId);
        Assert.All(failing, id => Assert.Equal(3, parts.Count(p => p.CustomIds.Contains(id))));
    }

    private const string Killed = "stopped during a hang";

    private static string Describe(BatchOperation operation) => operation switch
    {
        BatchOperation.Upload => "upload of ",
        BatchOperation.Create => "creation of a batch over file-",
        _ => "download of file file-",
    };

    private static ServiceProvider BatchServices(LoopbackOpenAiServer server, string outputRoot, params (string, string)[] more) =>
        LoopbackJob.OpenAIServices(server, outputRoot, [("Summarizer:Jobs:Mode", "batch"), .. more]);

    /// <summary>
    /// Runs the seeds in batch mode to the end as a user would: each process submits or polls and exits (<c>--no-wait</c>),
    /// the provider's clock moves on an hour, and the next resumes. A process the Batch API fails is followed by a resume;
    /// one that hangs on a request is stopped (its token cancelled, as a kill stops it at that point) and resumed.
    /// </summary>
    private static async Task<(JobResult Result, List<string> Stops)> RunToEndAsync(LoopbackOpenAiServer server, ServiceProvider services, string outputRoot, string? jobId = null)
    {
        var batch = server.Batch;
        var runner = services.GetRequiredService<JobRunner>();
        var stops = new List<string>();
        for (var process = 0; process < 20; process++)
        {
            using var kill = new CancellationTokenSource();
            using var watching = new CancellationTokenSource();
            var hangs = batch.FaultsHit.Count(f => f.EndsWith(nameof(BatchFaultKind.Hang), StringComparison.Ordinal));
            var watcher = Task.Run(async () =>
            {
                while (!watching.IsCancellationRequested)
                {
                    if (batch.FaultsHit.Count(f => f.EndsWith(nameof(BatchFaultKind.Hang), StringComparison.Ordinal)) > hangs)
                    {
                        await kill.CancelAsync();
                        return;
                    }

                    await Task.Delay(5);
                }
            });
            try
            {
                var request = new JobRequest(jobId is null ? [RepositoryPaths.Seeds] : []) { NoWait = true };
                var result = jobId is null
                    ? await runner.RunAsync(request, cancellationToken: kill.Token)
                    : await runner.ResumeAsync(jobId, request, cancellationToken: kill.Token);
                jobId = result.JobId;
                if (result.Status != JobStatuses.Waiting)
                {
                    return (result, stops);
                }
            }
            catch (BatchApiException ex)
            {
                stops.Add(ex.Message);
            }
            catch (OperationCanceledException) when (kill.IsCancellationRequested)
            {
                stops.Add(Killed);
            }
            finally
            {
                await watching.CancelAsync();
                await watcher;
            }

            jobId ??= new JobStore(JobStore.PathIn(outputRoot)).ListJobs().Single().JobId;
            batch.Advance(TimeSpan.FromHours(1));
        }

        throw new TimeoutException("the batch job did not finish in 20 processes");
    }

    private void AssertPaidOnceAndEqualToUninterrupted(JobResult result)
    {
        Assert.Equal(JobStatuses.Done, result.Status);
        var parts = new BatchStore(new JobStore(JobStore.PathIn(Output.Path))).Parts(result.JobId);
        output.WriteLine($"{result.JobId}: {parts.Select(p => p.Round).Distinct().Count()} rounds, {parts.Count} batches, {parts.Sum(p => p.Lines)} lines; faults {string.Join(", ", Server.Batch.FaultsHit)}");

        // Each line paid once, and no more lines than the uninterrupted run paid.
        Assert.All(Server.Batch.Served.Values, served => Assert.Equal(1, served));
        Assert.Equal(parts.SelectMany(p => p.CustomIds).Order(StringComparer.Ordinal), Server.Batch.Served.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(baseline.Lines, Server.Batch.Served.Count);

        // One upload and one batch per part the store recorded, and as many parts and rounds as without the fault.
        Assert.Equal((parts.Count, parts.Count), (Server.Batch.Uploads, Server.Batch.BatchesCreated));
        Assert.Equal((baseline.Parts, baseline.Rounds), (parts.Count, parts.Max(p => p.Round)));
        Assert.All(parts, p => Assert.Equal((BatchStore.Downloaded, 0), (p.State, p.Resubmitted)));

        var (expected, actual) = (new JobFolder(baseline.JobDirectory), new JobFolder(result.JobDirectory));
        Assert.Equal(expected.ArticleIds(), actual.ArticleIds());
        foreach (var id in expected.ArticleIds())
        {
            foreach (var (file, property) in new[] { ("translation.json", "sentences"), ("claims.json", "claims"), ("claims.json", "summary_en") })
            {
                using var a = JsonDocument.Parse(File.ReadAllText(expected.ArticleFile(id, file)));
                using var b = JsonDocument.Parse(File.ReadAllText(actual.ArticleFile(id, file)));
                Assert.Equal(a.RootElement.GetProperty(property).GetRawText(), b.RootElement.GetProperty(property).GetRawText());
            }
        }

        Assert.Equal(
            File.ReadAllText(expected.File(JobFolder.BriefingMarkdown)).Replace(baseline.JobId, "JOB", StringComparison.Ordinal),
            File.ReadAllText(actual.File(JobFolder.BriefingMarkdown)).Replace(result.JobId, "JOB", StringComparison.Ordinal));
    }

    /// <summary>The seeds through batch mode with no fault, once for the class, on a server of its own.</summary>
    public sealed class Uninterrupted : IAsyncLifetime, IDisposable
    {
        private readonly TempFolder _output = new();
        private LoopbackOpenAiServer _server = null!;

        public string JobId { get; private set; } = string.Empty;

        public string JobDirectory { get; private set; } = string.Empty;

        public int Lines { get; private set; }

        public int Parts { get; private set; }

        public int Rounds { get; private set; }

        public async Task InitializeAsync()
        {
            _server = await LoopbackOpenAiServer.StartAsync();
            var (result, stops) = await RunToEndAsync(_server, BatchServices(_server, _output.Path), _output.Path);
            Assert.Empty(stops);
            Assert.Equal(JobStatuses.Done, result.Status);
            var parts = new BatchStore(new JobStore(JobStore.PathIn(_output.Path))).Parts(result.JobId);
            (JobId, JobDirectory, Lines, Parts, Rounds) = (result.JobId, result.JobDirectory, _server.Batch.Served.Count, parts.Count, parts.Max(p => p.Round));
        }

        public async Task DisposeAsync() => await _server.DisposeAsync();

        public void Dispose() => _output.Dispose();
    }
}

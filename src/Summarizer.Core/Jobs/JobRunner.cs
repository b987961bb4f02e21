using Summarizer.Core.Batch;
using Summarizer.Core.Scheduling;
using Summarizer.Core.Tokens;
using Summarizer.Core.Files;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Summarizer.Core.Chunking;
using Summarizer.Core.Engines;
using Summarizer.Core.Planning;
using Summarizer.Core.Prompts;
using Summarizer.Core.Rendering;
using Summarizer.Core.Stages;
using Summarizer.Core.Store;
using Summarizer.Core.Outputs;
using Summarizer.Core.EngineSetup;
using Summarizer.Core.Telemetry;

namespace Summarizer.Core.Jobs;

/// <summary>
/// Runs a job end to end: plans the articles, builds the kernel on the chosen engine, runs every article's pipeline
/// (calls bounded by the concurrency gate), writes each article's outputs as soon as it finishes, then the briefing
/// and the manifest. Ctrl+C stops cleanly: finished articles stay written and the manifest says what finished.
/// </summary>
public sealed class JobRunner(
    JobPlanner planner,
    EngineFactory engines,
    PromptLibrary prompts,
    JobWriter writer,
    DiffWriter diffs,
    TokenEstimator estimator,
    OutputBudget budget,
    TimeProvider clock,
    IOptions<JobOptions> jobOptions,
    IOptions<ChunkingOptions> chunking,
    IOptions<BatchOptions> batchOptions,
    ITokenCounter tokens)
{
    private const string StoppedReason = "stopped with Ctrl+C before it finished; 'summarizer resume' continues it";

    /// <summary>Runs the job.</summary>
    /// <exception cref="PlanInputException">No articles can be found at the paths.</exception>
    /// <exception cref="EngineConfigurationException">The engine lacks a setting.</exception>
    /// <exception cref="PromptException">A prompt file is missing or invalid.</exception>
    public Task<JobResult> RunAsync(JobRequest request, IJobProgress? progress = null, CancellationToken cancellationToken = default) =>
        RunJobAsync(request, resumed: null, parent: null, progress ?? NullJobProgress.Instance, cancellationToken);

    /// <summary>
    /// Continues a job that was stopped or killed, in its own folder, under its own id and with its own settings: every
    /// call whose valid answer was stored is served from the cache, so nothing finished is paid twice. An article whose
    /// input changed or disappeared since the job started keeps its finished outputs and is reported, never dropped.
    /// </summary>
    /// <exception cref="JobNotFoundException">No such job in the output folder's store.</exception>
    /// <exception cref="JobChangeRefusedException">Settings were given that would change what the job is.</exception>
    /// <exception cref="JobAlreadyDoneException">The job finished with everything done; nothing was touched.</exception>
    public Task<JobResult> ResumeAsync(string jobId, JobRequest now, IJobProgress? progress = null, CancellationToken cancellationToken = default)
    {
        var store = Store(now);
        var stored = store.GetJob(jobId) ?? throw new JobNotFoundException(jobId, store.DatabasePath);
        var request = StoredRequest.FromJson(stored.Request);
        if (request.Changes(now) is { Count: > 0 } changes)
        {
            throw new JobChangeRefusedException(stored.JobId, changes);
        }

        if (stored.Status == JobStatuses.Done && Directory.Exists(stored.Directory))
        {
            throw new JobAlreadyDoneException(stored.JobId, stored.Directory);
        }

        var resumed = new ResumedJob(stored.JobId, stored.Created, stored.Directory, store.Articles(stored.JobId));
        return RunJobAsync(request.ToRequest(now), resumed, stored.Parent, progress ?? NullJobProgress.Instance, cancellationToken);
    }

    /// <summary>
    /// Runs an old job again as a new job linked to it, typically with new prompt versions: calls whose cache key did not
    /// change (same engine, model, prompt hash, input and settings) are reused, so only what changed is paid for. The new
    /// job's folder gets <c>diff.html</c> against the old one, linked from its index.
    /// </summary>
    /// <exception cref="JobNotFoundException">No such job in the output folder's store.</exception>
    public Task<JobResult> RerunAsync(string parentJobId, JobRequest now, IJobProgress? progress = null, CancellationToken cancellationToken = default)
    {
        var stored = Store(now).GetJob(parentJobId) ?? throw new JobNotFoundException(parentJobId, Store(now).DatabasePath);
        var request = StoredRequest.FromJson(stored.Request).ToRequest(now);
        return RunJobAsync(request, resumed: null, parent: stored.JobId, progress ?? NullJobProgress.Instance, cancellationToken);
    }

    /// <summary>
    /// Applies a reviewed job's reviews as a new job linked to it (same inputs, settings and prompt versions): the
    /// reviewers' English replaces the model's (origin <c>human</c>, not sent to translate) and rejected claims are left
    /// out of merge and brief, so only what depends on an edit is paid for. See <see cref="AppliedReviews"/>.
    /// </summary>
    /// <exception cref="JobNotFoundException">No such job in the output folder's store.</exception>
    /// <exception cref="ApplyRefusedException">The job has no reviews, or its folder is missing.</exception>
    public Task<JobResult> ApplyAsync(string reviewedJobId, JobRequest now, IJobProgress? progress = null, CancellationToken cancellationToken = default)
    {
        var store = Store(now);
        var stored = store.GetJob(reviewedJobId) ?? throw new JobNotFoundException(reviewedJobId, store.DatabasePath);
        AppliedReviews.Load(stored, new ReviewStore(store.DatabasePath));
        var request = StoredRequest.FromJson(stored.Request).ToRequest(now with { AppliedFrom = stored.JobId });
        return RunJobAsync(request, resumed: null, parent: stored.JobId, progress ?? NullJobProgress.Instance, cancellationToken);
    }

    /// <summary>Opens the job store of the request's output folder.</summary>
    public JobStore Store(JobRequest request) => new(JobStore.PathIn(OutputRoot(request)));

    private string OutputRoot(JobRequest request) => Path.GetFullPath(request.OutputRoot ?? jobOptions.Value.OutputRoot);

    private async Task<JobResult> RunJobAsync(JobRequest request, ResumedJob? resumed, string? parent, IJobProgress progress, CancellationToken cancellationToken)
    {
        using var telemetry = SummarizerTelemetry.StartJob(resumed?.JobId, parent);
        var engine = engines.Create(request.Engine with { Concurrency = request.Concurrency ?? jobOptions.Value.Concurrency });
        if (request.EngineReason is { } why)
        {
            engine = engine with { Reason = why };
        }

        var batch = (request.Mode ?? jobOptions.Value.Mode) == JobModes.Batch;

        if (batch)
        {
            // Refused before the job exists when the engine has no Batch API.
            _ = engines.CreateBatchApi(request.Engine, batchOptions.Value);
        }

        // A batch deployment (Azure Global Batch) answers no realtime call, the probe included.
        if (engine.Options.Probe && !batch)
        {
            await EngineProbe.ProbeAsync(engine, cancellationToken).ConfigureAwait(false);
        }

        var stagePrompts = StageNames.All.ToDictionary(
            stage => stage,
            stage => prompts.LoadConfigured(stage, request.PromptVersions.TryGetValue(stage, out var v) ? v : null),
            StringComparer.Ordinal);
        var glossary = Glossary.Load(prompts.Root);
        var chunkTokens = request.ChunkTokens ?? chunking.Value.MaxSourceTokens;
        var inputs = new JobInputs(request.Paths, request.BaseDirectory ?? Environment.CurrentDirectory);
        var plan = await PlanAsync(inputs, chunkTokens, resumed is not null, cancellationToken).ConfigureAwait(false);
        if (engine.Service is ReferenceChatCompletionService reference)
        {
            ReferenceCoverage.Require(reference.Store, plan.Articles.Where(a => a.IsAccepted && a.Sentences.Count > 0).Select(a => (a.Ingest.Path, a.Sentences[0].Text)).ToList());
        }

        var store = Store(request);
        RecordedPrompts.PublishOrRefuse(store, prompts, stagePrompts.Values);

        var created = resumed?.Created ?? clock.GetUtcNow();
        var jobId = resumed?.JobId ?? JobIds.New(created, request.Paths);
        telemetry.Identify(jobId);
        var jobDirectory = resumed?.Directory ?? Path.Combine(OutputRoot(request), jobId);
        Directory.CreateDirectory(jobDirectory);
        if (resumed is not null)
        {
            AtomicFile.RemoveLeftovers(jobDirectory);
        }

        var concurrency = request.Concurrency ?? jobOptions.Value.Concurrency;
        var stored = new StoredRequest(request.Paths, request.Engine, stagePrompts.ToDictionary(p => p.Key, p => p.Value.Version), chunkTokens, concurrency)
        {
            BaseDirectory = inputs.BaseDirectory,
            EngineKind = engine.Kind,
            Model = engine.Options.Model,
            OnFilter = request.OnFilter ?? FilterPolicy.Mark,
            PromptHashes = stagePrompts.ToDictionary(p => p.Key, p => p.Value.Sha256),
            Mode = batch ? JobModes.Batch : null,
            AppliedFrom = request.AppliedFrom,
            NoTm = request.NoTm ? true : null,
        };
        var job = new StoredJob(jobId, created, null, JobStatuses.Running, parent, jobDirectory, stored.ToJson());
        store.SaveJob(job);
        Action<Resilience.RetryNotice> waiting = progress.Waiting;
        if (engine.Resilience is { } retries)
        {
            retries.Retrying += waiting;
        }

        try
        {
            var run = new JobRun(job, engine, stagePrompts, glossary, chunkTokens, concurrency, inputs, plan) { Resumed = resumed };
            var result = batch
                ? await RunInBatchesAsync(run, request, store, progress, cancellationToken).ConfigureAwait(false)
                : (await ExecuteAsync(run, request, store, progress, new Execution(new InteractiveScheduler(new SemaphoreSlim(concurrency)), EnglishContext: true, Batch: null), cancellationToken).ConfigureAwait(false))!;
            telemetry.Finish(result.Status);
            store.SaveJob(job with { Finished = clock.GetUtcNow(), Status = result.Status, Reason = JobReason(result) });
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            store.SaveJob(job with { Finished = clock.GetUtcNow(), Status = JobStatuses.Cancelled, Reason = StoppedReason });
            throw;
        }
        catch (Exception ex)
        {
            // Whatever stops a job, the store must not go on saying it is running: resume and 'jobs list' rely on it.
            store.SaveJob(job with { Finished = clock.GetUtcNow(), Status = JobStatuses.Failed, Reason = ex.Message });
            throw;
        }
        finally
        {
            if (engine.Resilience is { } stats)
            {
                stats.Retrying -= waiting;
            }
        }
    }

    private static string? JobReason(JobResult result) => result.Status switch
    {
        JobStatuses.Cancelled => StoppedReason,
        JobStatuses.Failed => "no article could be done; see manifest.json",
        _ => null,
    };

    private async Task<PlannedArticles> PlanAsync(JobInputs inputs, int chunkTokens, bool resuming, CancellationToken cancellationToken)
    {
        var paths = inputs.ToSearch;
        if (resuming)
        {
            // Inputs gone since the job started are reported per article below; they must not stop the rest.
            paths = paths.Where(p => File.Exists(inputs.Locate(p)) || Directory.Exists(inputs.Locate(p))).ToList();
        }

        try
        {
            if (paths.Count > 0 || !resuming)
            {
                return await planner.PlanArticlesAsync(new PlanRequest(paths) { ChunkTokens = chunkTokens }, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (PlanInputException) when (resuming)
        {
            // Every file the job started with is gone: each of its articles is reported, and finished ones are kept.
        }

        return new PlannedArticles(new JobPlan([], [], string.Empty, null, chunkTokens, string.Empty), []);
    }

    /// <summary>
    /// Runs the job once through its graph with the given scheduler. Returns null when the scheduler deferred calls to a
    /// batch (the articles that finished are written; the rest wait for the next round).
    /// </summary>
    private async Task<JobResult?> ExecuteAsync(JobRun run, JobRequest request, JobStore store, IJobProgress progress, Execution execution, CancellationToken cancellationToken)
    {
        var (jobId, jobDirectory, parent, engine) = (run.Job.JobId, run.Job.Directory, run.Job.Parent, run.Engine);
        progress.Message($"engine: {engine.Kind} ({engine.Reason}); model: {engine.Model}");
        progress.Message($"job {jobId} → {jobDirectory}" + (parent is null ? string.Empty : $" (re-run of {parent})") + (run.IsResumed ? " (resumed)" : string.Empty));

        var usage = new StageUsage();
        var kernel = BuildKernel(engine);
        var ledger = new CallLedger(store, jobId, engine.Kind, engine.Model, UseCache: !request.NoCache);
        StageCaller Caller(string stage) => new(kernel, run.Prompts[stage], engine.Profile, usage, ledger, budget, execution.Scheduler);
        var callers = new StageCallers(Caller(StageNames.Translate), Caller(StageNames.Summarize), Caller(StageNames.Merge), Caller(StageNames.Brief));
        var context = new JobContext(jobId, run.Job.Created, engine, run.Prompts.Values.ToList(), run.Glossary, run.ChunkTokens, chunking.Value.ContextSentences, run.Concurrency) { Parent = parent };

        var articles = JobArticles.Resolve(run.Plan, run.Inputs, run.Resumed?.Articles ?? [], jobDirectory, progress);
        foreach (var article in articles.Planned)
        {
            var shown = run.Inputs.Display(article.Ingest.Path);
            store.SaveArticle(jobId, article.Id, shown, article.IsAccepted ? JobStatuses.Running : JobStatuses.Rejected, article.Ingest.Message, run.Inputs.Sha256(shown));
        }

        var accepted = articles.Planned.Where(a => a.IsAccepted).ToList();
        progress.Started(accepted.Count, run.Plan.Plan.Calls);
        var pipeline = new ArticlePipeline(callers, run.Glossary, progress, request.OnFilter ?? FilterPolicy.Mark, chunking.Value.ContextSentences, execution.EnglishContext);
        var overrides = JobOverridesFor(request, store);
        var cancelled = false;
        BriefResult? brief = null;

        // Each article's data files are written as soon as it finishes, so a stopped job keeps it; its page waits for QA.
        var articleTasks = accepted.Select(async plan =>
        {
            var article = plan.Ingest.Article! with { Path = run.Inputs.Display(plan.Ingest.Article!.Path) };
            ArticleResult result;
            try
            {
                result = await pipeline.RunAsync(article, plan.Sentences, plan.Chunks, overrides.For(article.Id, plan.Sentences), cancellationToken).ConfigureAwait(false);
            }
            catch (CallDeferredException)
            {
                return null;
            }

            writer.WriteArticle(jobDirectory, context, result);
            progress.ArticleFinished(result.Article.Id, result.Status, result.Reason);
            return result;
        }).ToList();
        try
        {
            if ((await Task.WhenAll(articleTasks).ConfigureAwait(false)).Any(a => a is null))
            {
                return null;
            }

            brief = await new BriefStage(callers, progress).RunAsync(Finished(articleTasks, articles.Kept), jobOptions.Value.BriefClaimsPerArticle, cancellationToken).ConfigureAwait(false);
        }
        catch (CallDeferredException)
        {
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;

            // WhenAll throws at the first cancellation while other articles may still be writing; the manifest
            // must describe what is on disk, so wait until every article task has settled.
            await Task.WhenAll(articleTasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        }

        if (overrides.Summary is { } taken)
        {
            progress.Message(taken);
        }

        var written = Finished(articleTasks, articles.Kept);
        var byId = written.ToDictionary(w => w.Article.Id, StringComparer.Ordinal);
        var statuses = articles.Planned.Select(a => Status(a, run.Inputs, byId)).Concat(articles.Unplanned).ToList();
        var snapshot = execution.Batch is null ? usage.Snapshot() : BatchRounds.Usage(store, jobId, usage.Snapshot());
        var cost = estimator.Cost(PricedModel(engine), snapshot.Sum(s => s.InputTokens), snapshot.Sum(s => s.OutputTokens), batch: execution.Batch is not null);
        var outcome = new JobOutcome(context, jobDirectory, engine, run.Plan.Plan, written, statuses, snapshot, cost, cancelled ? JobStatuses.Cancelled : OverallStatus(statuses, brief), brief)
        {
            Batch = execution.Batch?.Invoke(),
        };
        return new JobPublisher(writer, diffs, clock).Publish(outcome, store, progress);
    }

    /// <summary>The reviews a job applies and the translation memory it uses (none when --no-tm or UseTm is false).</summary>
    private JobOverrides JobOverridesFor(JobRequest request, JobStore store)
    {
        var reviews = new ReviewStore(store.DatabasePath);
        var applied = request.AppliedFrom is { } from
            ? AppliedReviews.Load(store.GetJob(from) ?? throw new JobNotFoundException(from, store.DatabasePath), reviews)
            : null;
        return JobOverrides.Create(reviews, applied, jobOptions.Value.UseTm && !request.NoTm);
    }

    /// <summary>The articles whose files are written: those this run finished, in plan order, then those kept from before.</summary>
    private static List<ArticleResult> Finished(IEnumerable<Task<ArticleResult?>> tasks, IReadOnlyList<ArticleResult> kept) =>
        tasks.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result).OfType<ArticleResult>().Concat(kept).ToList();

    private static JobArticleStatus Status(ArticlePlan plan, JobInputs inputs, Dictionary<string, ArticleResult> finished)
    {
        var path = inputs.Display(plan.Ingest.Path);
        if (!plan.IsAccepted)
        {
            return new JobArticleStatus(plan.Id, path, JobStatuses.Rejected, plan.Ingest.Message);
        }

        // Every article task has settled here: one that did not finish was stopped.
        return finished.TryGetValue(plan.Id, out var article)
            ? new JobArticleStatus(plan.Id, path, article.Status, article.Reason)
            : new JobArticleStatus(plan.Id, path, JobStatuses.Cancelled, "stopped before it finished");
    }

    private static string OverallStatus(IReadOnlyList<JobArticleStatus> articles, BriefResult? brief)
    {
        if (articles.All(a => a.Status is JobStatuses.Failed or JobStatuses.Rejected))
        {
            return JobStatuses.Failed;
        }

        return articles.All(a => a.Status == JobStatuses.Done) && brief is { Failures.Count: 0 } ? JobStatuses.Done : JobStatuses.Partial;
    }

    /// <summary>
    /// Runs the job in provider batches: each pass replays the graph (cached and downloaded answers resolve at once) and
    /// submits what is ready and unanswered as the next round; it waits for the round (or exits with --no-wait) and goes
    /// on until nothing is left to send. A restarted process continues from the store.
    /// </summary>
    private async Task<JobResult> RunInBatchesAsync(JobRun run, JobRequest request, JobStore store, IJobProgress progress, CancellationToken cancellationToken)
    {
        var (api, batches, runner) = BatchApiOf(request, store);
        var rounds = new BatchRounds(runner, batches, run.Job.JobId, TimeSpan.FromSeconds(batchOptions.Value.PollSeconds), progress);
        var model = PricedModel(run.Engine);
        return await rounds.RunAsync(
            request.NoWait,
            scheduler => ExecuteAsync(run, request, store, progress, new Execution(scheduler, EnglishContext: false, () => rounds.Manifest(model, estimator)), cancellationToken),
            waiting => new JobResult(run.Job.JobId, run.Job.Directory, run.Engine, JobStatuses.Waiting, [], [], null) { Parent = run.Job.Parent, Batch = waiting },
            api,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Cancels a batch job's open batches (<c>jobs cancel</c>): the service stops them, what they answered is kept, and
    /// the job is marked cancelled; resume sends what they did not answer again. Returns how many batches were cancelled.
    /// </summary>
    /// <exception cref="JobNotFoundException">No such job in the output folder's store.</exception>
    public async Task<int> CancelBatchesAsync(string jobId, JobRequest now, CancellationToken cancellationToken = default)
    {
        var store = Store(now);
        var stored = store.GetJob(jobId) ?? throw new JobNotFoundException(jobId, store.DatabasePath);
        var (_, _, runner) = BatchApiOf(StoredRequest.FromJson(stored.Request).ToRequest(now), store);
        var cancelled = await runner.CancelAsync(jobId, cancellationToken).ConfigureAwait(false);
        if (cancelled > 0)
        {
            store.SaveJob(stored with { Finished = clock.GetUtcNow(), Status = JobStatuses.Cancelled, Reason = $"batches cancelled with 'jobs cancel'; 'summarizer resume {jobId}' sends what they did not answer again" });
        }

        return cancelled;
    }

    private (BatchApi Api, BatchStore Batches, BatchRoundRunner Runner) BatchApiOf(JobRequest request, JobStore store)
    {
        var api = engines.CreateBatchApi(request.Engine, batchOptions.Value);
        var batches = new BatchStore(store, clock);
        return (api, batches, new BatchRoundRunner(api, batches, new BatchRound(tokens), BatchLimits.For(api.Azure, batchOptions.Value), batchOptions.Value.CompletionWindow, clock));
    }

    private static string PricedModel(ResolvedEngine engine) => engine.Options.Model.Length > 0 ? engine.Options.Model : engine.Options.Deployment;

    /// <summary>How one pass over the job runs: who sends its calls, whether translate context carries English, and (batch) the rounds for the manifest.</summary>
    private sealed record Execution(ICallScheduler Scheduler, bool EnglishContext, Func<IReadOnlyList<ManifestBatchRound>>? Batch);

    private static Kernel BuildKernel(ResolvedEngine engine)
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton<IChatCompletionService>(engine.Service);
        return builder.Build();
    }
}

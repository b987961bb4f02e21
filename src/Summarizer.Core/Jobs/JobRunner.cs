using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Summarizer.Core.Chunking;
using Summarizer.Core.Engines;
using Summarizer.Core.Planning;
using Summarizer.Core.Prompts;
using Summarizer.Core.Rendering;
using Summarizer.Core.Resilience;
using Summarizer.Core.Stages;
using Summarizer.Core.Store;
using Summarizer.Core.Validation;

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
    TokenEstimator estimator,
    OutputBudget budget,
    TimeProvider clock,
    IOptions<JobOptions> jobOptions,
    IOptions<ChunkingOptions> chunking)
{
    /// <summary>Runs the job.</summary>
    /// <exception cref="PlanInputException">No articles can be found at the paths.</exception>
    /// <exception cref="EngineConfigurationException">The engine lacks a setting.</exception>
    /// <exception cref="PromptException">A prompt file is missing or invalid.</exception>
    public Task<JobResult> RunAsync(JobRequest request, IJobProgress? progress = null, CancellationToken cancellationToken = default) =>
        RunJobAsync(request, identity: null, parent: null, progress ?? NullJobProgress.Instance, cancellationToken);

    /// <summary>
    /// Continues a job that was stopped or killed, in its own folder and under its own id: every call whose valid answer
    /// was stored is served from the cache, so nothing finished is paid twice.
    /// </summary>
    /// <exception cref="JobNotFoundException">No such job in the output folder's store.</exception>
    public Task<JobResult> ResumeAsync(string jobId, JobRequest now, IJobProgress? progress = null, CancellationToken cancellationToken = default)
    {
        var stored = Store(now).GetJob(jobId) ?? throw new JobNotFoundException(jobId, Store(now).DatabasePath);
        var request = StoredRequest.FromJson(stored.Request).ToRequest(now);
        return RunJobAsync(request, (stored.JobId, stored.Created, stored.Directory), stored.Parent, progress ?? NullJobProgress.Instance, cancellationToken);
    }

    /// <summary>
    /// Runs an old job again as a new job linked to it, typically with new prompt versions: calls whose cache key did not
    /// change (same engine, model, prompt hash, input and settings) are reused, so only what changed is paid for.
    /// </summary>
    /// <exception cref="JobNotFoundException">No such job in the output folder's store.</exception>
    public Task<JobResult> RerunAsync(string parentJobId, JobRequest now, IJobProgress? progress = null, CancellationToken cancellationToken = default)
    {
        var stored = Store(now).GetJob(parentJobId) ?? throw new JobNotFoundException(parentJobId, Store(now).DatabasePath);
        var request = StoredRequest.FromJson(stored.Request).ToRequest(now);
        return RunJobAsync(request, identity: null, parent: stored.JobId, progress ?? NullJobProgress.Instance, cancellationToken);
    }

    /// <summary>Opens the job store of the request's output folder.</summary>
    public JobStore Store(JobRequest request) => new(JobStore.PathIn(OutputRoot(request)));

    private string OutputRoot(JobRequest request) => Path.GetFullPath(request.OutputRoot ?? jobOptions.Value.OutputRoot);

    private async Task<JobResult> RunJobAsync(
        JobRequest request,
        (string JobId, DateTimeOffset Created, string Directory)? identity,
        string? parent,
        IJobProgress progress,
        CancellationToken cancellationToken)
    {
        var engine = engines.Create(request.Engine with { Concurrency = request.Concurrency ?? jobOptions.Value.Concurrency });
        var stagePrompts = StageNames.All.ToDictionary(
            stage => stage,
            stage => prompts.LoadConfigured(stage, request.PromptVersions.TryGetValue(stage, out var v) ? v : null),
            StringComparer.Ordinal);
        var glossary = Glossary.Load(prompts.Root);
        var chunkTokens = request.ChunkTokens ?? chunking.Value.MaxSourceTokens;
        var plan = await planner.PlanAsync(new PlanRequest(request.Paths) { ChunkTokens = chunkTokens }, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var prompt in stagePrompts.Values)
        {
            prompts.Publish(prompt);
        }

        var store = Store(request);
        var created = identity?.Created ?? clock.GetUtcNow();
        var jobId = identity?.JobId ?? JobIds.New(created, request.Paths);
        var jobDirectory = identity?.Directory ?? Path.Combine(OutputRoot(request), jobId);
        Directory.CreateDirectory(jobDirectory);
        if (identity is not null)
        {
            AtomicFile.RemoveLeftovers(jobDirectory);
        }

        var concurrency = request.Concurrency ?? jobOptions.Value.Concurrency;
        var stored = new StoredRequest(
            request.Paths.Select(Path.GetFullPath).ToList(), request.Engine, stagePrompts.ToDictionary(p => p.Key, p => p.Value.Version), chunkTokens, concurrency);
        store.SaveJob(new StoredJob(jobId, created, null, "running", parent, jobDirectory, stored.ToJson()));
        progress.Message($"engine: {engine.Kind} ({engine.Reason}); model: {engine.Model}");
        progress.Message($"job {jobId} → {jobDirectory}" + (parent is null ? string.Empty : $" (re-run of {parent})") + (identity is null ? string.Empty : " (resumed)"));

        var usage = new StageUsage();
        using var gate = new SemaphoreSlim(concurrency);
        var kernel = BuildKernel(engine);
        var ledger = new CallLedger(store, jobId, engine.Kind, engine.Model, UseCache: !request.NoCache);
        var callers = new StageCallers(
            new StageCaller(kernel, stagePrompts[StageNames.Translate], engine.Options.ResponseFormat, usage, ledger, budget),
            new StageCaller(kernel, stagePrompts[StageNames.Summarize], engine.Options.ResponseFormat, usage, ledger, budget),
            new StageCaller(kernel, stagePrompts[StageNames.Merge], engine.Options.ResponseFormat, usage, ledger, budget),
            new StageCaller(kernel, stagePrompts[StageNames.Brief], engine.Options.ResponseFormat, usage, ledger, budget),
            gate);
        var context = new JobContext(jobId, created, engine, stagePrompts.Values.ToList(), glossary, chunkTokens, chunking.Value.ContextSentences, concurrency) { Parent = parent };

        var works = plan.Articles.Where(a => a.IsAccepted).Select(a => new ArticleWork(a.Ingest.Article!, a.Sentences, a.Chunks)).ToList();
        progress.Started(works.Count, plan.Calls);
        var pipeline = new ArticlePipeline(callers, glossary, progress, request.OnFilter);
        var cancelled = false;
        BriefResult? brief = null;
        var articleTasks = works.Select(async work =>
        {
            await pipeline.RunAsync(work, cancellationToken).ConfigureAwait(false);
            writer.WriteArticle(jobDirectory, context, work);
            work.Written = true;
            progress.ArticleFinished(work.Article.Id, work.Status, work.Reason);
        }).ToList();
        try
        {
            await Task.WhenAll(articleTasks).ConfigureAwait(false);
            brief = await BriefAsync(callers, works, jobOptions.Value.BriefClaimsPerArticle, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;

            // WhenAll throws at the first cancellation while other articles may still be writing; the manifest
            // must describe what is on disk, so wait until every article task has settled.
            await Task.WhenAll(articleTasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        }

        var byId = works.ToDictionary(w => w.Article.Id, StringComparer.Ordinal);
        var articles = plan.Articles.Select(a => Status(a, byId, cancelled)).ToList();
        var snapshot = usage.Snapshot();
        var cost = estimator.Cost(engine.Options.Model.Length > 0 ? engine.Options.Model : engine.Options.Deployment, snapshot.Sum(s => s.InputTokens), snapshot.Sum(s => s.OutputTokens));
        var status = cancelled ? JobStatuses.Cancelled : OverallStatus(articles, brief);
        if (brief is not null)
        {
            writer.WriteBriefing(jobDirectory, context, works, brief);
        }

        var finished = clock.GetUtcNow();
        writer.WriteManifest(jobDirectory, context, plan, works, articles, snapshot, cost, status, brief, finished);
        if (works.Any(w => w.Written))
        {
            // Job-wide checks (length outliers need every article) run once the job's files are all written; the pages
            // are then drawn again with the findings, and the index links them all.
            var qa = Quality.QaChecks.Run(jobDirectory);
            AtomicFile.WriteAllText(Path.Combine(jobDirectory, "qa.json"), Rendering.OutputJson.Serialize(qa));
            foreach (var work in works.Where(w => w.Written))
            {
                writer.WriteSideBySide(jobDirectory, context, work, qa.Findings.Where(f => f.Article == work.Article.Id).ToList());
            }

            writer.WriteIndex(jobDirectory, context, works.Where(w => w.Written).ToList(), articles, qa);
        }

        foreach (var article in articles)
        {
            store.SaveArticle(jobId, article.Id, article.Path, article.Status, article.Reason);
        }

        store.SaveJob(new StoredJob(jobId, created, finished, status, parent, jobDirectory, stored.ToJson()));
        return new JobResult(jobId, jobDirectory, engine, status, articles, snapshot, cost) { Parent = parent };
    }

    private static async Task<BriefResult?> BriefAsync(StageCallers callers, List<ArticleWork> works, int claimsPerArticle, IJobProgress progress, CancellationToken cancellationToken)
    {
        var ready = works.Where(w => w.Claims.Count > 0).ToList();
        if (ready.Count == 0)
        {
            return null;
        }

        var input = new JsonObject
        {
            ["articles"] = System.Text.Json.JsonSerializer.SerializeToNode(
                ready.Select(w => new BriefArticle(w.Article.Id, w.Summary?.HeadlineEn ?? w.Article.Title, w.Claims.Take(claimsPerArticle).Select(c => new BriefClaim(c.En, c.Sources)).ToList())).ToList(),
                StageJson.Options),
        };
        var sentences = ready.ToDictionary(
            w => w.Article.Id,
            w => (IReadOnlySet<string>)w.Sentences.Select(s => s.Id).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        try
        {
            var result = await CallSlot.RunAsync(callers.Gate, () => callers.Brief.CallAsync<BriefOutput>(input, output => StageValidator.Brief(sentences, output), cancellationToken), cancellationToken).ConfigureAwait(false);
            var failures = result.IsValid ? [] : new List<Failure> { new("*", StageNames.Brief, "briefing", string.Join("; ", result.Errors)) };
            return new BriefResult(result.Output, failures);
        }
        catch (EngineCallException ex)
        {
            return new BriefResult(null, [new Failure("*", StageNames.Brief, "briefing", ex.Message)]);
        }
        finally
        {
            progress.CallFinished(StageNames.Brief);
        }
    }

    private static JobArticleStatus Status(ArticlePlan plan, Dictionary<string, ArticleWork> works, bool cancelled)
    {
        if (!plan.IsAccepted)
        {
            return new JobArticleStatus(plan.Id, plan.Ingest.Path, JobStatuses.Rejected, plan.Ingest.Message);
        }

        var work = works[plan.Id];
        return cancelled && !work.Written
            ? new JobArticleStatus(plan.Id, plan.Ingest.Path, JobStatuses.Cancelled, "stopped before it finished")
            : new JobArticleStatus(plan.Id, plan.Ingest.Path, work.Status, work.Reason);
    }

    private static string OverallStatus(IReadOnlyList<JobArticleStatus> articles, BriefResult? brief)
    {
        if (articles.All(a => a.Status is JobStatuses.Failed or JobStatuses.Rejected))
        {
            return JobStatuses.Failed;
        }

        return articles.All(a => a.Status == JobStatuses.Done) && brief is { Failures.Count: 0 } ? JobStatuses.Done : JobStatuses.Partial;
    }

    private static Kernel BuildKernel(ResolvedEngine engine)
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton<IChatCompletionService>(engine.Service);
        return builder.Build();
    }
}

/// <summary>The briefing stage's outcome.</summary>
public sealed record BriefResult(BriefOutput? Output, IReadOnlyList<Failure> Failures);

/// <summary>What every output of a job records about how it was made.</summary>
public sealed record JobContext(
    string JobId,
    DateTimeOffset Created,
    ResolvedEngine Engine,
    IReadOnlyList<StagePrompt> Prompts,
    Glossary Glossary,
    int ChunkTokens,
    int ContextSentences,
    int Concurrency)
{
    /// <summary>Gets the job this one re-runs, if any.</summary>
    public string? Parent { get; init; }
}

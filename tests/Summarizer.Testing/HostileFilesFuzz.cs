using Summarizer.Core.Outputs;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Ingest;
using Summarizer.Core.Jobs;
using Summarizer.Core.Planning;

namespace Summarizer.Testing;

/// <summary>
/// Plans and runs a folder of <see cref="HostileFiles"/> in process, against the loopback server, each step bounded
/// in time, and checks what must hold for every file: it is planned, and it is either processed or rejected with a
/// reason on one line; run keeps every rejection and finishes every accepted article with a status.
/// </summary>
public static class HostileFilesFuzz
{
    /// <summary>Plans and runs the files; crashes and hangs are caught and reported as problems, never thrown.</summary>
    public static async Task<FuzzFigures> RunAsync(LoopbackOpenAiServer server, string input, IReadOnlyList<string> files, string output, TimeSpan limit)
    {
        using var services = LoopbackJob.OpenAIServices(server, output, ("Summarizer:Jobs:Concurrency", "8"));
        var problems = new List<string>();
        var clock = Stopwatch.StartNew();
        var plan = await Bounded("plan", () => services.GetRequiredService<JobPlanner>().PlanAsync(new PlanRequest([input])), limit, problems);
        var planTime = clock.Elapsed;
        if (plan is null)
        {
            return new FuzzFigures(files.Count, 0, 0, new Dictionary<RejectionReason, int>(), 0, 0, 0, planTime, TimeSpan.Zero, problems);
        }

        CheckPlan(plan, files, problems);
        clock.Restart();
        var run = await Bounded("run", () => services.GetRequiredService<JobRunner>().RunAsync(new JobRequest([input])), limit, problems);
        var runTime = clock.Elapsed;
        if (run is not null)
        {
            CheckRun(plan, run, problems);
        }

        var rejected = plan.Articles.Where(a => !a.IsAccepted).CountBy(a => a.Reason!.Value).ToDictionary();
        var statuses = run?.Articles.CountBy(a => a.Status).ToDictionary() ?? [];
        return new FuzzFigures(
            files.Count,
            plan.Articles.Count,
            plan.Articles.Count(a => a.IsAccepted),
            rejected,
            statuses.GetValueOrDefault(JobStatuses.Done),
            statuses.GetValueOrDefault(JobStatuses.Partial),
            statuses.GetValueOrDefault(JobStatuses.Failed),
            planTime,
            runTime,
            problems);
    }

    private static async Task<T?> Bounded<T>(string step, Func<Task<T>> work, TimeSpan limit, List<string> problems)
        where T : class
    {
        try
        {
            return await TimeBound.WithinAsync(work, limit);
        }
        catch (TimeoutException)
        {
            problems.Add($"hang: {step} did not finish within {limit}");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add($"crash: {step} threw {ex}");
        }

        return null;
    }

    private static void CheckPlan(JobPlan plan, IReadOnlyList<string> files, List<string> problems)
    {
        var planned = plan.Articles.Select(a => a.Path).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(files.Where(f => !planned.Contains(f)).Select(f => $"not planned: {PrintableText.Escape(f)}"));
        foreach (var article in plan.Articles.Where(a => !a.IsAccepted))
        {
            var line = article.ToString();
            if (article.Reason is null || string.IsNullOrWhiteSpace(article.Message))
            {
                problems.Add($"rejected without a reason: {line}");
            }

            if (line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal) || line.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
            {
                problems.Add($"rejection not on one plain line: {PrintableText.Escape(line)}");
            }
        }
    }

    private static void CheckRun(JobPlan plan, JobResult run, List<string> problems)
    {
        var byId = run.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var article in plan.Articles)
        {
            if (!byId.TryGetValue(article.Id, out var status))
            {
                problems.Add($"planned but missing from the run: {article.Id}");
            }
            else if (article.IsAccepted == (status.Status == JobStatuses.Rejected))
            {
                problems.Add($"run and plan disagree on {article.Id}: {status.Status}");
            }
            else if (status.Status is JobStatuses.Failed && string.IsNullOrWhiteSpace(status.Reason))
            {
                problems.Add($"failed without a reason: {article.Id}");
            }
        }

        if (run.Articles.Count != plan.Articles.Count)
        {
            problems.Add($"run has {run.Articles.Count} articles, plan {plan.Articles.Count}");
        }
    }
}

/// <summary>What a fuzz run saw.</summary>
/// <param name="Files">Files written.</param>
/// <param name="Articles">Ingest results (a JSON array gives one per item).</param>
/// <param name="Accepted">Articles accepted by ingest.</param>
/// <param name="RejectedByReason">Rejections per reason.</param>
/// <param name="Done">Articles the run finished.</param>
/// <param name="Partial">Articles the run finished with some items failed.</param>
/// <param name="Failed">Articles the run could not finish.</param>
/// <param name="PlanTime">Time to plan.</param>
/// <param name="RunTime">Time to run.</param>
/// <param name="Problems">Crashes, hangs and broken invariants; empty when all held.</param>
public sealed record FuzzFigures(
    int Files,
    int Articles,
    int Accepted,
    IReadOnlyDictionary<RejectionReason, int> RejectedByReason,
    int Done,
    int Partial,
    int Failed,
    TimeSpan PlanTime,
    TimeSpan RunTime,
    IReadOnlyList<string> Problems)
{
    /// <summary>Formats the figures on a few lines for a report.</summary>
    public override string ToString() =>
        $"files {Files}, articles {Articles}: accepted {Accepted}, rejected {RejectedByReason.Values.Sum()} " +
        $"({string.Join(", ", RejectedByReason.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}"))}); " +
        $"run: done {Done}, partial {Partial}, failed {Failed}; plan {PlanTime.TotalSeconds:0.0} s, run {RunTime.TotalSeconds:0.0} s; " +
        $"problems {Problems.Count}";
}

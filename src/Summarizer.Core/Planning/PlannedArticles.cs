namespace Summarizer.Core.Planning;

/// <summary>A job's plan together with every accepted article's text, sentences and chunks, which a run works on.</summary>
/// <param name="Plan">The plan, as <c>summarizer plan</c> reports it.</param>
/// <param name="Articles">The full article plans, in the plan's order and with the plan's ids.</param>
public sealed record PlannedArticles(JobPlan Plan, IReadOnlyList<ArticlePlan> Articles);

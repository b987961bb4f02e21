using Summarizer.Core.Stages;

namespace Summarizer.Core.Outputs;

/// <summary>An article's outcome in a job.</summary>
public sealed record JobArticleStatus(string Id, string Path, string Status, string? Reason);

/// <summary>The briefing stage's outcome.</summary>
public sealed record BriefResult(BriefOutput? Output, IReadOnlyList<Failure> Failures);

namespace Summarizer.Core.Evaluation;

/// <summary>One order's n-gram counts: the hypothesis's, the reference's, and the clipped matches.</summary>
internal readonly record struct NGramMatch(long Hypothesis, long Reference, long Matched);

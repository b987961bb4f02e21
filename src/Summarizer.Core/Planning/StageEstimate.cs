namespace Summarizer.Core.Planning;

/// <summary>The estimated calls and tokens of one stage.</summary>
/// <param name="Stage">The stage name: translate, summarize, merge or brief.</param>
/// <param name="Calls">The number of model calls.</param>
/// <param name="InputTokens">The estimated prompt tokens of those calls.</param>
/// <param name="OutputTokens">The estimated answer tokens of those calls.</param>
public sealed record StageEstimate(string Stage, int Calls, long InputTokens, long OutputTokens)
{
    /// <summary>Adds two estimates of the same stage.</summary>
    public static StageEstimate operator +(StageEstimate a, StageEstimate b) =>
        new(a.Stage, a.Calls + b.Calls, a.InputTokens + b.InputTokens, a.OutputTokens + b.OutputTokens);
}

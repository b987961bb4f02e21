namespace Summarizer.Core.Stages;

/// <summary>The outcome of one stage call, after at most one repair.</summary>
/// <param name="Output">The parsed answer, or <see langword="null"/> when no answer could be parsed.</param>
/// <param name="Errors">What is still wrong after the repair; empty when the answer is valid.</param>
/// <param name="Repaired">True when a repair call was made.</param>
public sealed record StageCallResult<T>(T? Output, IReadOnlyList<string> Errors, bool Repaired)
    where T : class
{
    /// <summary>Gets a value indicating whether the answer is valid.</summary>
    public bool IsValid => Output is not null && Errors.Count == 0;
}

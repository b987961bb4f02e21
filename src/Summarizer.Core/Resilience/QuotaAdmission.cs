namespace Summarizer.Core.Resilience;

/// <summary>One call admitted by a <see cref="QuotaLimiter"/>: when, and the tokens the client estimated for it.</summary>
/// <remarks>A class, not a record: the ledger finds an admission by identity, and two calls may look alike.</remarks>
public sealed class QuotaAdmission(DateTimeOffset at, int tokens)
{
    /// <summary>Gets when the call was admitted.</summary>
    public DateTimeOffset At { get; } = at;

    /// <summary>Gets the tokens the client estimated (prompt + max_tokens), before the charge factor.</summary>
    public int Tokens { get; } = tokens;
}

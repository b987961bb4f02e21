namespace Summarizer.Core.Exchange;

/// <summary>
/// An export or import that cannot be done as asked (missing or malformed file, another job's file, units that match no
/// sentence, an unknown format); the message is one line naming the file or job, and nothing was recorded.
/// </summary>
public sealed class ExchangeException(string message) : Exception(message);

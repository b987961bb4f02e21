namespace Summarizer.Core.Planning;

/// <summary>The paths given to a job cannot be planned at all (as opposed to single articles being rejected).</summary>
public sealed class PlanInputException(string message) : Exception(message);

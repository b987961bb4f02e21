namespace Summarizer.Core.Jobs;

/// <summary><c>apply</c> cannot start: the reviewed job has no reviews, or its folder is gone. Nothing was created.</summary>
public sealed class ApplyRefusedException(string message) : Exception(message);

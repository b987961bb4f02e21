namespace Summarizer.Core.Outputs;

/// <summary>
/// A file of a job folder that is there but cannot be read as the record it was written from (damaged by hand, cut
/// short, or empty); the message is one line naming the file, the reason and what to do.
/// </summary>
public sealed class JobFileException(string message) : Exception(message);

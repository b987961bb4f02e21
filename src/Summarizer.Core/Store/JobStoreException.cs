namespace Summarizer.Core.Store;

/// <summary>The job store (<c>summarizer.db</c>) cannot be opened or written: damaged, not a database, or not writable.</summary>
/// <remarks>Never answered by recreating the file: that would silently forget every job and cached answer it holds.</remarks>
public sealed class JobStoreException(string message, Exception? inner = null) : Exception(message, inner);

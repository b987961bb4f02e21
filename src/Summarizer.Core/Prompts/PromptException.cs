namespace Summarizer.Core.Prompts;

/// <summary>A prompt file is missing, invalid, or not allowed to be used.</summary>
public sealed class PromptException(string message) : Exception(message);

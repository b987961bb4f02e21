namespace Summarizer.Core.Engines;

/// <summary>The chosen engine cannot be built from the settings given; the message says what to set.</summary>
public sealed class EngineConfigurationException(string message) : Exception(message);

namespace Summarizer.Core.Engines;

/// <summary>Engine settings given on the command line; each one set replaces configuration.</summary>
public sealed record EngineOverrides
{
    /// <summary>Gets the engine kind.</summary>
    public string? Kind { get; init; }

    /// <summary>Gets the endpoint.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Gets the model.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the Azure deployment.</summary>
    public string? Deployment { get; init; }

    /// <summary>Gets the most calls at once the job allows (the adaptive limit never exceeds it).</summary>
    public int? Concurrency { get; init; }
}

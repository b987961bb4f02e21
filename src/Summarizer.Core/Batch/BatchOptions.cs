using System.ComponentModel.DataAnnotations;

namespace Summarizer.Core.Batch;

/// <summary>Options of batch execution through the provider's Batch API.</summary>
public sealed class BatchOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Summarizer:Batch";

    /// <summary>Gets or sets how often an open batch is polled, in seconds.</summary>
    /// <value>The default value is 60.</value>
    [Range(0.001, 86_400)]
    public double PollSeconds { get; set; } = 60;

    /// <summary>Gets or sets the most estimated prompt tokens in batches not yet ended (the deployment's enqueued-token quota); 0 bounds nothing.</summary>
    /// <value>The default value is 0.</value>
    [Range(0, long.MaxValue)]
    public long EnqueuedTokens { get; set; }

    /// <summary>Gets or sets the deployment (Azure) or model batch lines name, when it is not the realtime one (Azure Global Batch deployments answer only batch requests).</summary>
    /// <value>The default value is empty: the engine's deployment or model.</value>
    public string Deployment { get; set; } = string.Empty;

    /// <summary>Gets or sets the most lines in one input file; 0 takes the provider's (Azure 100,000, OpenAI 50,000).</summary>
    /// <value>The default value is 0.</value>
    [Range(0, 100_000)]
    public int MaxRequestsPerFile { get; set; }

    /// <summary>Gets or sets the most bytes in one input file; 0 takes the provider's (200 MB).</summary>
    /// <value>The default value is 0.</value>
    [Range(0, BatchLimits.TwoHundredMegabytes)]
    public long MaxBytesPerFile { get; set; }

    /// <summary>Gets or sets the completion window asked for.</summary>
    /// <value>The default value is <c>24h</c>, the only one the services take.</value>
    [Required]
    [RegularExpression("^[0-9]+h$")]
    public string CompletionWindow { get; set; } = "24h";
}

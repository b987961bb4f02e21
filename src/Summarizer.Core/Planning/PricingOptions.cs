namespace Summarizer.Core.Planning;

/// <summary>The price table used to turn estimated tokens into money.</summary>
public sealed class PricingOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Summarizer:Pricing";

    /// <summary>Gets or sets the model (or deployment's model) whose prices apply when none is named.</summary>
    /// <value>The default value is <c>gpt-4o-mini</c>.</value>
    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>Gets or sets what batch calls cost as a share of realtime ones (the Batch API's discount).</summary>
    /// <value>The default value is 0.5: OpenAI's and Azure's Batch APIs charge half the realtime price.</value>
    [System.ComponentModel.DataAnnotations.Range(0.0, 1.0)]
    public decimal BatchDiscount { get; set; } = 0.5m;

    /// <summary>Gets or sets prices per model name, in US dollars per million tokens.</summary>
    public Dictionary<string, ModelPrice> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>What a model costs, in US dollars per million tokens.</summary>
public sealed class ModelPrice
{
    /// <summary>Gets or sets the price of a million input tokens.</summary>
    public decimal InputPerMillion { get; set; }

    /// <summary>Gets or sets the price of a million output tokens.</summary>
    public decimal OutputPerMillion { get; set; }
}

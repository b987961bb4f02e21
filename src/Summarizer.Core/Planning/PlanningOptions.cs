using System.ComponentModel.DataAnnotations;

namespace Summarizer.Core.Planning;

/// <summary>
/// Factors that turn source tokens into estimated input and output tokens per stage, before any model call.
/// They are estimates: the manifest of a real run records what was actually spent.
/// </summary>
public sealed class PlanningOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Summarizer:Planning";

    /// <summary>Gets or sets the fixed prompt tokens (instructions and schema) of each stage's request.</summary>
    public StagePromptTokens PromptTokens { get; set; } = new();

    /// <summary>Gets or sets the JSON framing tokens around each sentence or claim in a request or answer.</summary>
    /// <value>The default value is 12.</value>
    [Range(0, 200)]
    public int ItemOverheadTokens { get; set; } = 12;

    /// <summary>Gets or sets the English tokens expected per Arabic source token in a translation.</summary>
    /// <value>The default value is 1.1.</value>
    [Range(0.1, 10)]
    public double EnglishPerArabicToken { get; set; } = 1.1;

    /// <summary>Gets or sets the claim tokens (English and Arabic) a chunk summary yields per source token.</summary>
    /// <value>The default value is 0.5.</value>
    [Range(0.01, 10)]
    public double ClaimsPerSourceToken { get; set; } = 0.5;

    /// <summary>Gets or sets the merged-summary output tokens per claim token given to merge.</summary>
    /// <value>The default value is 0.8.</value>
    [Range(0.01, 10)]
    public double MergeOutputPerInputToken { get; set; } = 0.8;

    /// <summary>Gets or sets the briefing output tokens per claim token given to brief.</summary>
    /// <value>The default value is 0.6.</value>
    [Range(0.01, 10)]
    public double BriefOutputPerInputToken { get; set; } = 0.6;

    /// <summary>Gets or sets how much room a call's max_tokens leaves above its expected answer (see <see cref="OutputBudget"/>).</summary>
    /// <value>The default value is 1.3.</value>
    [Range(1, 10)]
    public double OutputHeadroom { get; set; } = 1.3;

    /// <summary>Gets or sets the least max_tokens a call is given, however small its input.</summary>
    /// <value>The default value is 256.</value>
    [Range(16, 100_000)]
    public int MinOutputTokens { get; set; } = 256;

    /// <summary>Gets or sets the tokens merge gets for its headlines and two-language summary, over its claims.</summary>
    /// <value>The default value is 300.</value>
    [Range(0, 100_000)]
    public int MergeSummaryTokens { get; set; } = 300;
}

/// <summary>Fixed prompt tokens per stage.</summary>
public sealed class StagePromptTokens
{
    /// <summary>Gets or sets the translate prompt's fixed tokens.</summary>
    /// <value>The default value is 400.</value>
    public int Translate { get; set; } = 400;

    /// <summary>Gets or sets the summarize prompt's fixed tokens.</summary>
    /// <value>The default value is 350.</value>
    public int Summarize { get; set; } = 350;

    /// <summary>Gets or sets the merge prompt's fixed tokens.</summary>
    /// <value>The default value is 350.</value>
    public int Merge { get; set; } = 350;

    /// <summary>Gets or sets the brief prompt's fixed tokens.</summary>
    /// <value>The default value is 400.</value>
    public int Brief { get; set; } = 400;
}

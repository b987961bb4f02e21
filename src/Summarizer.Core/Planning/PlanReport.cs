using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Summarizer.Core.Planning;

/// <summary>The machine-readable form of a <see cref="JobPlan"/>, as <c>summarizer plan --json</c> prints it.</summary>
public sealed record PlanReport(
    [property: JsonPropertyName("articles")] IReadOnlyList<PlanReportArticle> Articles,
    [property: JsonPropertyName("totals")] PlanReportTotals Totals,
    [property: JsonPropertyName("settings")] PlanReportSettings Settings)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        // Arabic titles stay readable; the output is JSON on a terminal or in a file, never inlined into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Builds the report of a plan.</summary>
    public static PlanReport From(JobPlan plan) => new(
        plan.Articles.Select(a => new PlanReportArticle(
            a.Path,
            a.Id,
            a.IsAccepted ? "ok" : "rejected",
            a.Message,
            a.Title,
            a.Sentences,
            a.Chunks,
            a.RemovedLines,
            new PlanReportTokens(a.InputTokens, a.OutputTokens, a.Stages.ToDictionary(s => s.Stage, ToStage)))).ToList(),
        new PlanReportTotals(
            plan.Articles.Count,
            plan.Rejected,
            plan.Sentences,
            plan.Chunks,
            plan.Calls,
            plan.InputTokens,
            plan.OutputTokens,
            plan.CostUsd,
            plan.Stages.ToDictionary(s => s.Stage, ToStage)),
        new PlanReportSettings(plan.ChunkTokens, plan.Encoding, plan.Model) { Mode = plan.BatchRounds is null ? null : "batch", BatchRounds = plan.BatchRounds });

    /// <summary>Serialises the report as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>
    /// Writes the same JSON as <see cref="ToJson"/> to a writer piece by piece: a plan of thousands of articles makes
    /// megabytes of JSON, which would otherwise be held twice over (the serialiser's buffer and the string) at the end.
    /// </summary>
    public async Task WriteJsonAsync(TextWriter writer, CancellationToken cancellationToken = default)
    {
        var stream = new TextWriterStream(writer);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, this, JsonOptions, cancellationToken).ConfigureAwait(false);
        }
    }

    private static PlanReportStage ToStage(StageEstimate s) => new(s.Calls, s.InputTokens, s.OutputTokens);
}

/// <summary>One article of a <see cref="PlanReport"/>.</summary>
public sealed record PlanReportArticle(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("sentences")] int Sentences,
    [property: JsonPropertyName("chunks")] int Chunks,
    [property: JsonPropertyName("removed_lines")] int RemovedLines,
    [property: JsonPropertyName("estimated_tokens")] PlanReportTokens EstimatedTokens);

/// <summary>Estimated tokens of an article, in all and per stage.</summary>
public sealed record PlanReportTokens(
    [property: JsonPropertyName("input")] long Input,
    [property: JsonPropertyName("output")] long Output,
    [property: JsonPropertyName("stages")] IReadOnlyDictionary<string, PlanReportStage> Stages);

/// <summary>Estimated calls and tokens of one stage.</summary>
public sealed record PlanReportStage(
    [property: JsonPropertyName("calls")] int Calls,
    [property: JsonPropertyName("input")] long Input,
    [property: JsonPropertyName("output")] long Output);

/// <summary>The totals of a <see cref="PlanReport"/>.</summary>
public sealed record PlanReportTotals(
    [property: JsonPropertyName("articles")] int Articles,
    [property: JsonPropertyName("rejected")] int Rejected,
    [property: JsonPropertyName("sentences")] int Sentences,
    [property: JsonPropertyName("chunks")] int Chunks,
    [property: JsonPropertyName("calls")] int Calls,
    [property: JsonPropertyName("input_tokens")] long InputTokens,
    [property: JsonPropertyName("output_tokens")] long OutputTokens,
    [property: JsonPropertyName("cost_usd")] decimal? CostUsd,
    [property: JsonPropertyName("stages")] IReadOnlyDictionary<string, PlanReportStage> Stages);

/// <summary>The settings a plan was made with.</summary>
public sealed record PlanReportSettings(
    [property: JsonPropertyName("chunk_tokens")] int ChunkTokens,
    [property: JsonPropertyName("encoding")] string Encoding,
    [property: JsonPropertyName("price_model")] string PriceModel)
{
    /// <summary>Gets <c>batch</c> for a job planned in provider batches (priced at the batch discount); absent for realtime.</summary>
    [JsonPropertyName("mode")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Mode { get; init; }

    /// <summary>Gets a batch job's rounds without failures; absent for realtime.</summary>
    [JsonPropertyName("batch_rounds")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? BatchRounds { get; init; }
}

using System.Globalization;
using Summarizer.Cli.Commands;
using Summarizer.Core.Planning;
using Summarizer.Core.Telemetry;

namespace Summarizer.Cli.Rendering;

/// <summary>Writes <c>--telemetry console</c>'s table: per stage, calls by outcome, tokens, p50/p95 call time and quota waits.</summary>
public static class TelemetryTable
{
    /// <summary>Writes the table (one line per stage, plain columns) under a title line.</summary>
    public static void Write(TextWriter output, IReadOnlyList<StageTelemetryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("telemetry: calls by outcome, tokens, model call time and quota wait per stage");
        IReadOnlyList<string> header = ["stage", .. TelemetryOutcomes.All, "tokens in", "tokens out", "p50 s", "p95 s", "quota wait s"];
        var lines = rows.Select(row => (IReadOnlyList<string>)
        [
            row.Stage,
            .. TelemetryOutcomes.All.Select(o => N(row.Count(o))),
            N(row.InputTokens),
            N(row.OutputTokens),
            Seconds(row.P50Seconds),
            Seconds(row.P95Seconds),
            Seconds(row.QuotaWaitSeconds),
        ]).ToList();
        if (lines.Count == 0)
        {
            output.WriteLine("  no stage calls were made");
            return;
        }

        TextTable.Write(output, header, lines);
    }

    /// <summary>The stages in the order a job runs them.</summary>
    public static IReadOnlyList<string> StageOrder => StageNames.All;

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(double? value) => value is { } s ? s.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}

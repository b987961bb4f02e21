using System.Globalization;
using Summarizer.Core.Ingest;
using Summarizer.Core.Planning;

namespace Summarizer.Core.Tests.Planning;

public class PlanReportTests
{
    [Fact]
    public async Task Writing_the_json_in_pieces_gives_exactly_the_json_string()
    {
        // Thousands of articles make JSON far larger than the serialiser's buffer, so it is written in many pieces.
        var stages = new[] { new StageEstimate(StageNames.Translate, 1, 700, 300), new StageEstimate(StageNames.Summarize, 1, 900, 100) };
        var articles = Enumerable.Range(0, 3000)
            .Select(i => new ArticleEstimate($"/in/{i}.txt", string.Create(CultureInfo.InvariantCulture, $"a{i}"), "محطة تحلية مياه البحر " + new string('ء', i % 7), null, null, 6, 1, 0, stages))
            .Append(new ArticleEstimate("/in/empty.txt", "empty", null, RejectionReason.Empty, "empty file (0 bytes)", 0, 0, 0, []))
            .ToList();
        var report = PlanReport.From(new JobPlan(articles, stages, "gpt-4o-mini", 0.5m, 600, "o200k_base"));
        using var writer = new StringWriter();

        await report.WriteJsonAsync(writer);

        Assert.Equal(report.ToJson(), writer.ToString());
    }

    [Fact]
    public void A_letter_split_between_two_writes_comes_out_whole()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("محطة");
        using var writer = new StringWriter();
        using var stream = new TextWriterStream(writer);

        stream.Write(bytes, 0, 3);
        stream.Write(bytes, 3, bytes.Length - 3);

        Assert.Equal("محطة", writer.ToString());
    }
}

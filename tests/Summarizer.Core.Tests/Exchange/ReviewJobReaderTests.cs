using Summarizer.Core.Exchange;
using Summarizer.Core.Outputs;

namespace Summarizer.Core.Tests.Exchange;

/// <summary>The review reader reads a job through JobFolder: a missing claims file is no claims, a damaged file one line naming it.</summary>
public sealed class ReviewJobReaderTests(SeedJob seeds) : IClassFixture<SeedJob>
{
    [Fact]
    public void A_missing_claims_file_reads_as_no_claims_and_the_sentences_stay()
    {
        using var job = seeds.Fresh();
        var folder = new JobFolder(job.Directory);
        var article = folder.ArticleIds()[0];
        var before = ReviewJobReader.Read(job.JobId, job.Directory, job.Reviews, article).Segments.ToList();
        Assert.Contains(before, s => s.Notes.Any(n => n.From == ReviewNote.Claim));
        File.Delete(folder.ArticleFile(article, JobFolder.Claims));

        var after = ReviewJobReader.Read(job.JobId, job.Directory, job.Reviews, article).Segments.ToList();

        Assert.Equal(before.Select(s => (s.Id, s.En)), after.Select(s => (s.Id, s.En)));
        Assert.DoesNotContain(after, s => s.Notes.Any(n => n.From == ReviewNote.Claim));
    }

    [Theory]
    [InlineData(JobFolder.Claims)]
    [InlineData(JobFolder.Translation)]
    [InlineData(JobFolder.Qa)]
    public void A_damaged_job_file_is_refused_in_one_line_naming_it(string name)
    {
        using var job = seeds.Fresh();
        var folder = new JobFolder(job.Directory);
        var path = name == JobFolder.Qa ? folder.File(name) : folder.ArticleFile(folder.ArticleIds()[1], name);
        File.WriteAllText(path, "{\"sentences\": [{\"id\": 3");

        var error = Assert.Throws<ExchangeException>(() => ReviewJobReader.Read(job.JobId, job.Directory, job.Reviews));

        Assert.StartsWith($"{path} cannot be read (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("): run the job again with 'summarizer rerun'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Summarizer.Cli.Review;
using Summarizer.Core.Jobs;
using Summarizer.Core.Outputs;
using Summarizer.Core.Review;
using Summarizer.Core.Store;
using Summarizer.Testing;

namespace Summarizer.Browser.Tests;

/// <summary>
/// The sample job (reference engine, real pipeline) served by the review server in-process, as <c>summarizer review</c>
/// serves it: on 127.0.0.1, a free port, pages under the session token. Tests edit different items, so they do not
/// see each other's reviews.
/// </summary>
public sealed class ReviewedJob : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _output = new();

    /// <summary>Gets the server.</summary>
    public ReviewServer Server { get; private set; } = null!;

    /// <summary>Gets the job id.</summary>
    public string JobId { get; private set; } = null!;

    /// <summary>Gets the job's folder.</summary>
    public string Directory { get; private set; } = null!;

    /// <summary>Gets the job store's reviews.</summary>
    public ReviewStore Reviews { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        using var services = CoreServices.Create(
            ("Summarizer:Engine:Kind", "reference"),
            ("Summarizer:Engine:ReferenceData", Path.Combine(RepositoryPaths.Root, "samples", "reference")),
            ("Summarizer:Prompts:Root", Path.Combine(RepositoryPaths.Root, "prompts")),
            ("Summarizer:Jobs:OutputRoot", _output.Path));
        var result = await services.GetRequiredService<JobRunner>().RunAsync(new JobRequest([RepositoryPaths.SampleArticles]));
        Assert.Equal(JobStatuses.Done, result.Status);
        (JobId, Directory) = (result.JobId, result.JobDirectory);
        Reviews = new ReviewStore(JobStore.PathIn(_output.Path));
        var session = new ReviewSession(JobId, Directory, Reviews, "browser-test", TimeProvider.System);
        Server = await ReviewServer.StartAsync(session, System.Net.IPAddress.Loopback, 0, _ => throw new NotSupportedException(ApplyUnavailable));
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <inheritdoc />
    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _output.Dispose();
    }

    /// <summary>Gets the served address of an article's side-by-side page.</summary>
    public string Page(string article) => new Uri(Server.PageAddress, $"articles/{article}/side-by-side.html").AbsoluteUri;

    /// <summary>Gets the review records of one item.</summary>
    public IReadOnlyList<ReviewEdit> Edits(string article, string item) => Reviews.Edits(JobId, article).Where(e => e.Item == item).ToList();

    /// <summary>What this fixture's apply answers (501): the page's handling of a failed apply is under test, not apply.</summary>
    public const string ApplyUnavailable = "apply is not available in this test";
}

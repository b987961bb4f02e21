using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Summarizer.Core.Store;
using Summarizer.Testing;

namespace Summarizer.Cli.Tests.Commands;

/// <summary>
/// <c>summarizer review</c> as a user runs it: the real CLI process serving the sample job on loopback, its address
/// printed with the token, edits through the API, refusals without the token, Ctrl+C ending it with exit 0; and each
/// error one line with exit 1 and no server left behind.
/// </summary>
public sealed class ReviewCommandTests : IAsyncLifetime, IDisposable
{
    private const string Article = "water-desalination-plant";
    private readonly TempFolder _output = new();
    private string _job = null!;

    public async Task InitializeAsync()
    {
        var result = await CliProcess.RunAsync(RepositoryPaths.Root, null, "run", "samples/articles", "--out", _output.Path, "--json");
        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        _job = json.RootElement.GetProperty("job_id").GetString()!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _output.Dispose();
    }

    [Fact]
    public async Task The_server_prints_its_tokened_address_records_an_edit_refuses_one_without_the_token_and_stops_on_ctrl_c_with_exit_0()
    {
        using var process = CliProcess.Start(_output.Path, null, "review", _job, "--out", _output.Path, "--reviewer", "rana");
        var error = process.StandardError.ReadToEndAsync();
        var line = await ReadLineWithinAsync(process, TimeSpan.FromSeconds(60));
        var address = new Uri(line[(line.IndexOf("http://", StringComparison.Ordinal))..]);
        var token = address.AbsolutePath.Trim('/');
        using var http = new HttpClient { BaseAddress = new Uri(address.GetLeftPart(UriPartial.Authority)) };

        var index = await http.GetAsync(address);
        var withoutToken = await http.GetAsync("/");
        var refused = await PostAsync(http, token: null, """{"article":"water-desalination-plant","item":"s2","field":"state","value":"approved"}""");
        var saved = await PostAsync(http, token, """{"article":"water-desalination-plant","item":"s2","field":"state","value":"approved"}""");
        var apply = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/apply") { Headers = { { "X-Review-Token", token } }, Content = Json("{}") });
        var stopped = await InterruptAsync(process);

        Assert.StartsWith($"reviewing job {_job} as rana: http://127.0.0.1:", line, StringComparison.Ordinal);
        Assert.Equal(32, token.Length);
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("Apply reviews", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, apply.StatusCode);
        using var applied = JsonDocument.Parse(await apply.Content.ReadAsStringAsync());
        var appliedJob = new JobStore(JobStore.PathIn(_output.Path)).GetJob(applied.RootElement.GetProperty("job").GetString()!);
        Assert.Equal(_job, appliedJob?.Parent);
        Assert.Equal(ExitCodes.Success, stopped.ExitCode);
        Assert.Contains("review server stopped; 1 review records saved in", stopped.Output, StringComparison.Ordinal);
        Assert.Equal("stopping the review server", (await error).Trim());
        var edit = Assert.Single(Reviews().Edits(_job));
        Assert.Equal((Article, "s2", ReviewFields.State, ReviewStates.Approved, "rana"), (edit.Article, edit.Item, edit.Field, edit.State, edit.Reviewer));
    }

    [Fact]
    public async Task An_unknown_job_a_missing_folder_a_port_in_use_and_a_bad_address_are_one_line_errors_with_exit_1()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var busy = ((IPEndPoint)holder.LocalEndpoint).Port;

        var unknown = await RunAsync("review", "no-such-job");
        var inUse = await RunAsync("review", _job, "--port", busy.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var badAddress = await RunAsync("review", _job, "--listen", "not-an-address");
        var badPort = await RunAsync("review", _job, "--port", "70000");
        Directory.Move(Path.Combine(_output.Path, _job), Path.Combine(_output.Path, "moved"));
        var missing = await RunAsync("review", _job);

        AssertOneLine(unknown, $"error: no job no-such-job in {JobStore.PathIn(_output.Path)}");
        AssertOneLine(inUse, $"error: port {busy} on 127.0.0.1 is in use: choose another --port, or leave it out for a free one");
        AssertOneLine(badAddress, "error: --listen 'not-an-address' is not an IP address (use 127.0.0.1, ::1, or an address of this machine)");
        AssertOneLine(badPort, "error: --port must be between 1 and 65535");
        AssertOneLine(missing, $"error: job folder {Path.Combine(_output.Path, _job)} is missing");
        Assert.Empty(Reviews().Edits(_job));
    }

    [Fact]
    public async Task Listening_on_another_interface_is_allowed_only_when_asked_and_warns()
    {
        using var process = CliProcess.Start(_output.Path, null, "review", _job, "--out", _output.Path, "--listen", "0.0.0.0");
        var line = await ReadLineWithinAsync(process, TimeSpan.FromSeconds(60));
        var stopped = await InterruptAsync(process);
        var error = await process.StandardError.ReadToEndAsync();

        Assert.Contains("http://127.0.0.1:", line, StringComparison.Ordinal);
        Assert.StartsWith($"warning: listening on 0.0.0.0, not loopback: anyone who can reach this machine and learns the address (with its token) can read and edit job {_job}", error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, stopped.ExitCode);
    }

    private static void AssertOneLine(CliResult result, string start)
    {
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith(start, line, StringComparison.Ordinal);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string? token, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/review") { Content = Json(body) };
        if (token is not null)
        {
            request.Headers.Add("X-Review-Token", token);
        }

        return http.SendAsync(request);
    }

    private static async Task<string> ReadLineWithinAsync(Process process, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            return await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("the server printed nothing: " + await process.StandardError.ReadToEndAsync());
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does, and waits for the process to end.</summary>
    private static async Task<(int ExitCode, string Output)> InterruptAsync(Process process)
    {
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the review server did not stop on SIGINT");
        }

        return (process.ExitCode, await output);
    }

    private Task<CliResult> RunAsync(params string[] args) =>
        CliProcess.RunWithinAsync(TimeSpan.FromSeconds(60), _output.Path, null, [.. args, "--out", _output.Path]);

    private ReviewStore Reviews() => new(JobStore.PathIn(_output.Path));
}

using Microsoft.Extensions.DependencyInjection;
using Summarizer.Core.Jobs;
using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Summarizer.Cli.Review;
using Summarizer.Core.Review;
using Summarizer.Core.Store;

namespace Summarizer.Cli.Commands;

/// <summary>
/// <c>summarizer review &lt;job&gt;</c>: serves the job's pages with an editor on a local web server until Ctrl+C. Every
/// edit is recorded in the job store when it is made, so stopping the server loses nothing and exits 0.
/// </summary>
public static class ReviewCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The CLI context.</param>
    public static Command Create(CliContext context)
    {
        var jobId = new Argument<string>("job-id") { Description = "The job to review." };
        var port = new Option<int?>("--port") { Description = "The port to listen on (default: a free one)." };
        var open = new Option<bool>("--open") { Description = "Open the address in the default browser." };
        var listen = new Option<string?>("--listen") { Description = "The address to listen on (default 127.0.0.1). Another interface is reachable from other machines: only when you say so." };
        var reviewer = new Option<string?>("--reviewer") { Description = "Who reviews, recorded with every edit (default: the OS user)." };
        var output = StoreCommands.OutputOption();
        port.Validators.Add(result => JobArguments.RequireRange(result, 1, 65535, "--port"));
        var command = new Command("review", "Serve a job's article pages on 127.0.0.1 with an editor: edit English, set states, reject claims, comment; every edit is saved to the job store at once.")
        {
            jobId, port, open, listen, reviewer, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var address = IPAddress.Loopback;
            if (parse.GetValue(listen) is { } given && !IPAddress.TryParse(given.Trim('[', ']'), out address))
            {
                context.Error.WriteLine($"error: --listen '{given}' is not an IP address (use 127.0.0.1, ::1, or an address of this machine)");
                return ExitCodes.UsageError;
            }

            var store = StoreCommands.Store(context, parse.GetValue(output));
            if (StoreCommands.JobWithFolder(context, store, parse.GetValue(jobId)!) is not { } job)
            {
                return ExitCodes.UsageError;
            }

            var name = ExchangeCommands.Reviewer(parse.GetValue(reviewer));
            var session = new ReviewSession(job.JobId, job.Directory, new ReviewStore(store.DatabasePath), name, TimeProvider.System);
            var before = session.Records();
            if (!IPAddress.IsLoopback(address))
            {
                context.Error.WriteLine($"warning: listening on {address}, not loopback: anyone who can reach this machine and learns the address (with its token) can read and edit job {job.JobId}");
            }

            ReviewServer server;
            try
            {
                server = await ReviewServer.StartAsync(session, address, parse.GetValue(port) ?? 0, Apply(context, job.JobId, parse.GetValue(output)), cancellationToken);
            }
            catch (IOException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                context.Error.WriteLine($"error: port {parse.GetValue(port)} on {address} is in use: choose another --port, or leave it out for a free one");
                return ExitCodes.UsageError;
            }
            catch (IOException ex)
            {
                context.Error.WriteLine($"error: cannot listen on {address} port {parse.GetValue(port) ?? 0} ({ex.Message.Split('\n')[0].TrimEnd('.')}): use an address of this machine");
                return ExitCodes.UsageError;
            }

            await using (server)
            {
                context.Out.WriteLine($"reviewing job {job.JobId} as {name}: {server.PageAddress}");
                context.Out.WriteLine("the address holds this session's token: give it only to reviewers. Every edit is saved at once; Ctrl+C stops the server");
                context.Out.Flush();
                if (parse.GetValue(open))
                {
                    OpenBrowser(context, server.PageAddress);
                }

                // Ctrl+C (or SIGTERM) is how a review ends, not a failure: every edit is already in the store.
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    context.Error.WriteLine("stopping the review server");
                }
            }

            context.Out.WriteLine($"review server stopped; {session.Records() - before} review records saved in {store.DatabasePath}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void OpenBrowser(CliContext context, Uri address)
    {
        var start = OperatingSystem.IsWindows() ? new ProcessStartInfo(address.AbsoluteUri) { UseShellExecute = true }
            : new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open", address.AbsoluteUri) { UseShellExecute = false };
        try
        {
            var process = Process.Start(start);
            if (process is not null)
            {
                _ = WarnOnFailureAsync(context, process, start.FileName);
            }
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            context.Error.WriteLine($"warning: could not open a browser ({start.FileName}: {ex.Message.TrimEnd('.')}); open the address yourself");
        }
    }

    /// <summary>xdg-open starts, then may fail to find a browser (no display, none installed): that is a warning too.</summary>
    private static async Task WarnOnFailureAsync(CliContext context, Process process, string opener)
    {
        using (process)
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(limit.Token);
                if (process.ExitCode != 0)
                {
                    await context.Error.WriteLineAsync($"warning: could not open a browser ({opener} exited with {process.ExitCode}); open the address yourself");
                }
            }
            catch (OperationCanceledException)
            {
                // Still running: it is the browser, or waiting for one; either way not a failure to report.
            }
        }
    }

    /// <summary>What the served index's apply button runs: <c>summarizer apply</c> on the reviewed job; returns the new job's id.</summary>
    private static Func<CancellationToken, Task<string>> Apply(CliContext context, string jobId, string? output) => async cancellationToken =>
    {
        var runner = context.Services.GetRequiredService<JobRunner>();
        var result = await runner.ApplyAsync(jobId, new JobRequest([]) { OutputRoot = output }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.JobId;
    };
}

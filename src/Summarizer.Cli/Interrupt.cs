using System.Runtime.InteropServices;

namespace Summarizer.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM as a cancellation token for the command: the first signal is caught and cancels the
/// token, so a job stops its calls, keeps what finished, writes its manifest and exits 130; a second signal is not
/// caught, so it ends the process at once.
/// </summary>
/// <remarks>
/// System.CommandLine 2.0.0 leaves <c>InvocationConfiguration.ProcessTerminationTimeout</c> null (dotnet/command-line-api
/// issue 2739), so without this nothing catches the signal and the runtime kills the process mid-write: exit 130 all
/// the same, but no manifest and a job the store still calls running. Its own handler, when on, stops waiting after a
/// timeout and returns while the job is still writing; this one waits for the command to finish.
/// </remarks>
public sealed class Interrupt : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    /// <summary>Initializes a new instance of the <see cref="Interrupt"/> class: catches the signals until disposed.</summary>
    public Interrupt()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    /// <summary>Gets the token the first signal cancels.</summary>
    public CancellationToken Token => _source.Token;

    /// <inheritdoc />
    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _source.Dispose();
    }

    private void Stop(PosixSignalContext signal)
    {
        // Caught once: a user who presses Ctrl+C again does not want to wait for the job to wind down.
        signal.Cancel = !_source.IsCancellationRequested;
        _source.Cancel();
    }
}

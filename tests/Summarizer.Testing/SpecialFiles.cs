using System.Diagnostics;
using System.Net.Sockets;

namespace Summarizer.Testing;

/// <summary>Makes the Linux file system entries that are not regular files: a FIFO, a socket, links to devices.</summary>
public static class SpecialFiles
{
    /// <summary>Creates a FIFO (named pipe) with <c>mkfifo</c>; opening it for reading waits for a writer.</summary>
    public static string Fifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { path }, UseShellExecute = false })
            ?? throw new InvalidOperationException("mkfifo did not start");
        if (!mkfifo.WaitForExit(TimeSpan.FromSeconds(20)) || mkfifo.ExitCode != 0)
        {
            throw new InvalidOperationException($"mkfifo {path} failed");
        }

        return path;
    }

    /// <summary>Creates a Unix domain socket bound at the path; it exists as long as the returned socket is open.</summary>
    public static Socket BoundSocket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.Listen();
        return socket;
    }
}

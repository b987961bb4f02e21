namespace Summarizer.Core.Ingest;

/// <summary>
/// What a path names once symbolic links are followed: its kind, its size and an identity shared by every name of one
/// file or folder. The finder visits each folder and reads each file once however many links lead to it, and ingest
/// refuses a FIFO, socket or device before opening it: opening a FIFO waits for a writer, reading a device may never end.
/// </summary>
/// <param name="Kind">What the path names.</param>
/// <param name="Size">The size in bytes of a regular file (0 for the other kinds).</param>
/// <param name="Identity">The same for every name of one file: device and inode on Linux, the path with its links resolved elsewhere.</param>
/// <param name="IdentityIsExact">
/// False where the identity is only a resolved path (not Linux): there a link inside a linked folder can still make two
/// identities for one folder, so the finder does not follow links to folders at all.
/// </param>
public sealed record FileFacts(FileKind Kind, long Size, string Identity, bool IdentityIsExact)
{
    /// <summary>Looks at a path, following symbolic links; never opens it and never throws for a bad path.</summary>
    public static FileFacts Of(string path) => LinuxFileStatus.TryGet(path) ?? Portable(path);

    /// <summary>Describes a kind for a rejection message: "a named pipe (FIFO)", "a character device", ….</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a folder",
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.Socket => "a socket",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Missing => "nothing there, or a broken link",
        _ => "not a file the system would describe",
    };

    private static FileFacts Portable(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
            if (!info.Exists)
            {
                return new FileFacts(FileKind.Missing, 0, full, IdentityIsExact: false);
            }

            var identity = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
            return info is FileInfo file
                ? new FileFacts(file.Attributes.HasFlag(FileAttributes.Device) ? FileKind.Unknown : FileKind.Regular, file.Length, identity, IdentityIsExact: false)
                : new FileFacts(FileKind.Directory, 0, identity, IdentityIsExact: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new FileFacts(FileKind.Unknown, 0, path, IdentityIsExact: false);
        }
    }
}

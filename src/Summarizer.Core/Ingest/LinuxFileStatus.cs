using System.Globalization;
using System.Runtime.InteropServices;

namespace Summarizer.Core.Ingest;

/// <summary>
/// Linux's <c>statx(2)</c>, which .NET does not expose: a path's file type, size, device and inode. Its result has the
/// same layout on every architecture (unlike <c>struct stat</c>), so one declaration serves x64 and arm64 alike.
/// </summary>
internal static class LinuxFileStatus
{
    private const int CurrentDirectory = -100;   // AT_FDCWD
    private const uint TypeInodeAndSize = 0x0001 | 0x0100 | 0x0200;   // STATX_TYPE | STATX_INO | STATX_SIZE
    private const int ResultBytes = 256;
    private const int TypeMask = 0xF000;   // S_IFMT

    /// <summary>Looks at the path, following links; null where statx is unavailable (not Linux, or a libc without it).</summary>
    public static FileFacts? TryGet(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var result = new byte[ResultBytes];
        try
        {
            if (StatX(CurrentDirectory, NullTerminatedUtf8(path), 0, TypeInodeAndSize, result) != 0)
            {
                // ENOENT, ENOTDIR, ELOOP (a link loop), ENAMETOOLONG: nothing readable is there; anything else (EACCES) is left
                // to the read to report.
                var missing = Marshal.GetLastPInvokeError() is 2 or 20 or 40 or 36;
                return new FileFacts(missing ? FileKind.Missing : FileKind.Unknown, 0, path, IdentityIsExact: false);
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        var span = result.AsSpan();
        var mode = MemoryMarshal.Read<ushort>(span[28..]) & TypeMask;
        var inode = MemoryMarshal.Read<ulong>(span[32..]);
        var size = MemoryMarshal.Read<ulong>(span[40..]);
        var deviceMajor = MemoryMarshal.Read<uint>(span[136..]);
        var deviceMinor = MemoryMarshal.Read<uint>(span[140..]);
        var kind = mode switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            _ => FileKind.Unknown,
        };
        var identity = string.Create(CultureInfo.InvariantCulture, $"{deviceMajor}:{deviceMinor}:{inode}");
        return new FileFacts(kind, kind == FileKind.Regular ? (long)Math.Min(size, long.MaxValue) : 0, identity, IdentityIsExact: true);
    }

    // Linux names are bytes; the path goes as UTF-8 bytes, which is how .NET itself names files there.
    private static byte[] NullTerminatedUtf8(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int StatX(int directory, byte[] path, int flags, uint mask, byte[] result);
}

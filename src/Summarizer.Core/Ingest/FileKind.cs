namespace Summarizer.Core.Ingest;

/// <summary>What a path names once symbolic links are followed.</summary>
public enum FileKind
{
    /// <summary>Nothing: the path does not exist, or a link leads nowhere or round in a loop.</summary>
    Missing,

    /// <summary>A regular file: the only kind ingest opens.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A FIFO (named pipe): opening it waits for a writer, perhaps forever.</summary>
    Fifo,

    /// <summary>A Unix domain socket: it cannot be opened as a file.</summary>
    Socket,

    /// <summary>A character device such as <c>/dev/zero</c>: reading it may never end.</summary>
    CharacterDevice,

    /// <summary>A block device (a disk): far larger than any article and not one.</summary>
    BlockDevice,

    /// <summary>Something the system would not describe (no permission to look); reading it is left to say why.</summary>
    Unknown,
}

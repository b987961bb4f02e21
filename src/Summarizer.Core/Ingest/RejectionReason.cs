namespace Summarizer.Core.Ingest;

/// <summary>Why a file did not become an article.</summary>
public enum RejectionReason
{
    /// <summary>The file has no bytes, only white space, or nothing left once boilerplate is removed.</summary>
    Empty,

    /// <summary>The file holds binary data, not text.</summary>
    Binary,

    /// <summary>The bytes are not valid in any supported encoding.</summary>
    Undecodable,

    /// <summary>Too small a share of the letters are Arabic.</summary>
    NotArabic,

    /// <summary>The file is larger than the configured limit.</summary>
    TooLarge,

    /// <summary>The file type or its structure is not one the tool reads.</summary>
    Unsupported,

    /// <summary>The file could not be read from disk.</summary>
    Unreadable,

    /// <summary>The path names a FIFO, socket or device: never opened, since that could wait or read forever.</summary>
    NotRegularFile,
}

namespace Summarizer.Core.Batch;

/// <summary>The points of a round's life where a process may be killed; resume must continue from each without sending anything twice.</summary>
internal enum BatchStep
{
    /// <summary>The parts are planned in the store; nothing uploaded.</summary>
    Planned,

    /// <summary>A file is uploaded; its id not yet recorded.</summary>
    Uploaded,

    /// <summary>The file id is recorded; no batch created.</summary>
    FileRecorded,

    /// <summary>A batch is created; its id not yet recorded.</summary>
    Created,

    /// <summary>The batch id is recorded.</summary>
    BatchRecorded,

    /// <summary>A terminal status is recorded; nothing downloaded.</summary>
    Ended,

    /// <summary>The output file is downloaded; the error file and the store not yet.</summary>
    OutputDownloaded,

    /// <summary>Every answer of the part is stored.</summary>
    Downloaded,
}

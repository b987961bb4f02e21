namespace Summarizer.Testing;

/// <summary>A Batch or Files API request a fault can be set on (<see cref="LoopbackBatchApi.FaultNext"/>).</summary>
public enum BatchOperation
{
    /// <summary><c>POST /files</c> with <c>purpose=batch</c>: the input file's upload.</summary>
    Upload,

    /// <summary><c>POST /batches</c>: the batch's creation.</summary>
    Create,

    /// <summary><c>GET /files/{id}/content</c>: an output or error file's download.</summary>
    Download,
}

/// <summary>What goes wrong with the request a fault is set on.</summary>
public enum BatchFaultKind
{
    /// <summary>The service answers an error (the status given, with its real error body) and does nothing.</summary>
    Error,

    /// <summary>The service does the work (the file is stored, the batch created), then the connection drops before the answer: the client cannot know it happened.</summary>
    LostResponse,

    /// <summary>The service does the work, then never answers (until the client goes away): where a kill finds a process waiting.</summary>
    Hang,
}

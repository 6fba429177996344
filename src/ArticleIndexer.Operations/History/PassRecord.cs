namespace ArticleIndexer.Operations.History;

/// <summary>What a pass does.</summary>
public enum PassKind
{
    /// <summary>New, changed and deleted files only, into the current generation.</summary>
    Incremental,

    /// <summary>Every file, into a fresh generation that replaces the current one when complete.</summary>
    Rebuild,
}

/// <summary>Where a pass stands.</summary>
public enum PassStatus
{
    /// <summary>Started and not ended (or its process was killed and no one has looked since).</summary>
    Running,

    /// <summary>Went through every file.</summary>
    Completed,

    /// <summary>Asked to stop (Ctrl-C, SIGTERM): what it did is committed; a stopped rebuild is resumed by the next one.</summary>
    Stopped,

    /// <summary>Could not run (missing source folder, damaged index, ...); see the error.</summary>
    Failed,

    /// <summary>Its process died mid-pass (kill -9, power loss): everything up to its last commit is kept.</summary>
    Interrupted,
}

/// <summary>One pass in the history.</summary>
/// <param name="Id">Increasing id.</param>
/// <param name="Kind">Incremental or rebuild.</param>
/// <param name="TriggeredBy">What started it: <c>schedule</c>, <c>start-up</c>, <c>request</c>, <c>recovery</c>, <c>--once</c>, ...</param>
/// <param name="Status">How it ended.</param>
/// <param name="Generation">The generation it wrote.</param>
/// <param name="Started">When it started.</param>
/// <param name="Finished">When it ended; null while running or when interrupted.</param>
/// <param name="Seen">Files seen.</param>
/// <param name="New">Files indexed for the first time.</param>
/// <param name="Changed">Files re-indexed.</param>
/// <param name="Unchanged">Files left as they were.</param>
/// <param name="Deleted">Documents removed.</param>
/// <param name="Skipped">Files with no article.</param>
/// <param name="Failed">Files that failed.</param>
/// <param name="Documents">Documents in the generation after the pass.</param>
/// <param name="Error">Why it failed or was interrupted.</param>
/// <param name="ProcessId">The process that ran it.</param>
/// <param name="Host">The machine it ran on.</param>
public sealed record PassRecord(
    long Id,
    PassKind Kind,
    string TriggeredBy,
    PassStatus Status,
    string? Generation,
    DateTimeOffset Started,
    DateTimeOffset? Finished,
    int Seen,
    int New,
    int Changed,
    int Unchanged,
    int Deleted,
    int Skipped,
    int Failed,
    int? Documents,
    string? Error,
    int ProcessId,
    string Host)
{
    /// <summary>How long it took; null until it ends.</summary>
    public TimeSpan? Duration => Finished - Started;
}

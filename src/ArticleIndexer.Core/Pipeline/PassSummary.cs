using System.Globalization;

namespace ArticleIndexer.Core.Pipeline;

/// <summary>A file a pass did not index, and why.</summary>
/// <param name="Path">Path relative to the source folder.</param>
/// <param name="Reason">The skip reason's name (<c>Empty</c>, <c>Binary</c>, ...) or <c>Failed</c>.</param>
/// <param name="Detail">A sentence for people.</param>
public sealed record PassProblem(string Path, string Reason, string Detail);

/// <summary>The figures of one indexing pass. <see cref="ToString"/> is the one-line summary people read.</summary>
public sealed record PassSummary
{
    /// <summary>A sortable id: the start time, UTC, to the millisecond.</summary>
    public required string PassId { get; init; }

    /// <summary>When the pass started.</summary>
    public required DateTimeOffset Started { get; init; }

    /// <summary>When the pass ended.</summary>
    public DateTimeOffset Finished { get; init; }

    /// <summary>Article files found under the source folder.</summary>
    public int Seen { get; init; }

    /// <summary>Files indexed for the first time.</summary>
    public int New { get; init; }

    /// <summary>Files whose content (or the pipeline's rules) changed since they were indexed.</summary>
    public int Changed { get; init; }

    /// <summary>Files left as they were.</summary>
    public int Unchanged { get; init; }

    /// <summary>Documents removed because their file is gone (or now has no article).</summary>
    public int Deleted { get; init; }

    /// <summary>Files with no article (empty, binary, only boilerplate, ...).</summary>
    public int Skipped { get; init; }

    /// <summary>Files that could not be processed because of an unexpected error.</summary>
    public int Failed { get; init; }

    /// <summary>Documents in the index after the pass.</summary>
    public int Documents { get; init; }

    /// <summary>True when the pass was asked to stop; what it had done is committed, deletions are left for the next pass.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Why the pass could not run at all (missing source folder, index locked); null when it ran.</summary>
    public string? Error { get; init; }

    /// <summary>The files skipped or failed, with their reasons (and the folders that could not be listed).</summary>
    public IReadOnlyList<PassProblem> Problems { get; init; } = [];

    /// <summary>Files indexed with a note ("decoded as Windows-1252: ..."), one entry per note, for the first
    /// <see cref="ArticlePipeline.NotesKept"/> notes of the pass (an archive of copies has one per file);
    /// <see cref="PassProblem.Reason"/> is <c>Note</c>. <see cref="Noted"/> counts them all.</summary>
    public IReadOnlyList<PassProblem> Notes { get; init; } = [];

    /// <summary>Folders that could not be listed: their files were not seen, and their documents are kept.</summary>
    public int UnreadableFolders { get; init; }

    /// <summary>Of <see cref="Skipped"/> and <see cref="Failed"/>, the files not tried again because they did not change
    /// since a pass found them so (see <see cref="FileProblem"/>).</summary>
    public int NotRetried { get; init; }

    /// <summary>Files indexed by this pass with at least one note.</summary>
    public int Noted { get; init; }

    /// <summary>Files indexed by this pass: new plus changed.</summary>
    public int Indexed => New + Changed;

    /// <summary>How long the pass took.</summary>
    public TimeSpan Duration => Finished - Started;

    /// <summary>The one-line summary: "5 files seen, 5 indexed (5 new, 0 changed), 0 unchanged, 0 deleted, 0 skipped, 0 failed; 5 documents in 0.84 s".
    /// Files indexed with notes, problems not retried and folders not listed are added before the ";" when there are any.</summary>
    public override string ToString()
    {
        if (Error is not null)
        {
            return $"Pass failed: {Error}";
        }

        var seconds = Duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var cancelled = Cancelled ? " (stopped early; the rest is left for the next pass)" : string.Empty;
        var extra = (Noted > 0 ? $", {Noted} indexed with notes" : string.Empty)
                    + (NotRetried > 0 ? $", {NotRetried} unchanged problem files not retried" : string.Empty)
                    + (UnreadableFolders > 0 ? $", {UnreadableFolders} folders could not be listed (their documents are kept)" : string.Empty);
        return $"{Seen} files seen, {Indexed} indexed ({New} new, {Changed} changed), {Unchanged} unchanged, "
               + $"{Deleted} deleted, {Skipped} skipped, {Failed} failed{extra}; {Documents} documents in {seconds} s{cancelled}";
    }

    /// <summary>The figures as Lucene commit user data.</summary>
    public Dictionary<string, string> ToCommitData(string sourceFolder) => new()
    {
        ["pass_id"] = PassId,
        ["started"] = Started.ToString("O", CultureInfo.InvariantCulture),
        ["finished"] = Finished.ToString("O", CultureInfo.InvariantCulture),
        ["seen"] = Seen.ToString(CultureInfo.InvariantCulture),
        ["new"] = New.ToString(CultureInfo.InvariantCulture),
        ["changed"] = Changed.ToString(CultureInfo.InvariantCulture),
        ["unchanged"] = Unchanged.ToString(CultureInfo.InvariantCulture),
        ["deleted"] = Deleted.ToString(CultureInfo.InvariantCulture),
        ["skipped"] = Skipped.ToString(CultureInfo.InvariantCulture),
        ["failed"] = Failed.ToString(CultureInfo.InvariantCulture),
        ["cancelled"] = Cancelled ? "true" : "false",
        ["pipeline"] = ArticleProcessor.Version,
        ["source"] = sourceFolder,
    };
}

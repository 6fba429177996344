using ArticleIndexer.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace ArticleIndexer.Operations.Passes;

/// <summary>
/// The start-up check of the index a process is about to write. Quick mode, as Lucene's later <c>CheckIndex -fast</c>:
/// every segment opens and every file's checksum matches, which catches truncated, overwritten and half-copied files
/// in a second or two (2.2 s on a 585 MB index); a segment verified by this process less than
/// <see cref="ReverifyAfter"/> ago is not read again. The full <see cref="CheckIndex"/> (every posting decoded) is for
/// <see cref="CheckThoroughly"/>.
/// </summary>
public static class IndexHealth
{
    /// <summary>
    /// How long a segment this process verified is taken as sound. Lucene never rewrites a segment's files (deletions
    /// and merges write new ones, which make a new key), so the check before each pass of a long-running worker reads
    /// only the segments written since the last one, and every segment again once a day.
    /// </summary>
    public static readonly TimeSpan ReverifyAfter = TimeSpan.FromHours(24);

    // Segments verified by this process: index folder, segment name, deletions generation and size, with the time.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTime> Verified = new(StringComparer.Ordinal);

    /// <summary>
    /// Checks the current generation of <paramref name="layout"/> (or its v1 index). Null when it is sound or there is
    /// no index yet; otherwise a sentence that says what is wrong and how to rebuild.
    /// </summary>
    public static string? CheckQuickly(IndexLayout layout)
    {
        if (layout.ReadablePath is not { } path)
        {
            return null;
        }

        try
        {
            using var directory = FSDirectory.Open(path);
            if (!DirectoryReader.IndexExists(directory))
            {
                return layout.CurrentGeneration is { } generation
                    ? Damaged(path, $"CURRENT names {generation} but it holds no index")
                    : null;
            }

            using var reader = DirectoryReader.Open(directory);
            var now = DateTime.UtcNow;
            foreach (var leaf in reader.Leaves)
            {
                var key = leaf.AtomicReader is SegmentReader segment
                    ? $"{path}|{segment.SegmentName}|{segment.SegmentInfo.DelGen}|{segment.SegmentInfo.GetSizeInBytes()}"
                    : null;
                if (key is not null && Verified.TryGetValue(key, out var at) && now - at < ReverifyAfter)
                {
                    continue;
                }

                leaf.AtomicReader.CheckIntegrity();
                if (key is not null)
                {
                    Verified[key] = now;
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Lucene reports damage with many exception types (CorruptIndexException, EndOfStreamException,
            // IndexFormatTooNewException, ArgumentException from a truncated slice, ...).
            return Damaged(path, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Lucene's full <see cref="CheckIndex"/> of the current generation; null when clean.</summary>
    public static string? CheckThoroughly(IndexLayout layout) => Check(layout) is { Clean: false, Path: not null } report ? report.Problem : null;

    /// <summary>
    /// Lucene's full <see cref="CheckIndex"/> of the current generation (or v1 index): every segment opened and every
    /// posting, stored field, term vector and doc value decoded. Reads only; safe while a worker writes, though a
    /// commit made during the check can make files vanish under it (<see cref="IndexCheckReport.ChangedDuringCheck"/>).
    /// </summary>
    public static IndexCheckReport Check(IndexLayout layout)
    {
        if (layout.ReadablePath is not { } path)
        {
            return new IndexCheckReport(null, false, 0, 0, "there is no index yet: run the worker (or `articles reindex`) first", false);
        }

        var before = CommitGeneration(path);
        try
        {
            using var directory = FSDirectory.Open(path);
            if (!DirectoryReader.IndexExists(directory))
            {
                return new IndexCheckReport(path, false, 0, 0, Damaged(path, "the folder holds no index commit"), false);
            }

            var status = new CheckIndex(directory) { InfoStream = null }.DoCheckIndex();
            var documents = status.SegmentInfos.Sum(segment => segment.DocCount - segment.NumDeleted);
            if (status.Clean)
            {
                return new IndexCheckReport(path, true, status.NumSegments, documents, null, false);
            }

            var detail = status.MissingSegments ? "the commit's segments file cannot be read"
                : status.CantOpenSegments ? "the commit's segments cannot be opened"
                : $"{status.NumBadSegments} of {status.NumSegments} segments are damaged, holding {status.TotLoseDocCount} documents";
            return new IndexCheckReport(path, false, status.NumSegments, documents, Damaged(path, detail), CommitGeneration(path) != before);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new IndexCheckReport(path, false, 0, 0, Damaged(path, $"{ex.GetType().Name}: {ex.Message}"), CommitGeneration(path) != before);
        }
    }

    // The generation of the newest commit point in the folder; -1 when there is none.
    private static long CommitGeneration(string path)
    {
        try
        {
            using var directory = FSDirectory.Open(path);
            return SegmentInfos.GetLastCommitGeneration(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }

    private static string Damaged(string path, string detail) =>
        $"the index at '{path}' is damaged ({detail}). Nothing was written to it. Rebuild it into a fresh generation with "
        + "`dotnet run --project src/ArticleIndexer.Worker -- --rebuild` (or `articles reindex --full`); the damaged "
        + "generation is removed once the new one is in place";
}

/// <summary>What <see cref="IndexHealth.Check"/> found.</summary>
/// <param name="Path">The folder checked (the current generation); null when there is no index.</param>
/// <param name="Clean">True when every segment passed.</param>
/// <param name="Segments">Segments in the commit.</param>
/// <param name="Documents">Live documents in the segments that could be read.</param>
/// <param name="Problem">What is wrong and how to rebuild; null when clean.</param>
/// <param name="ChangedDuringCheck">True when a pass committed while the check ran: files may have been replaced under
/// it, so a failure may not be damage. Check again.</param>
public sealed record IndexCheckReport(string? Path, bool Clean, int Segments, int Documents, string? Problem, bool ChangedDuringCheck);

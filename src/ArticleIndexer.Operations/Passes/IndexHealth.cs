using ArticleIndexer.Core.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace ArticleIndexer.Operations.Passes;

/// <summary>
/// The start-up check of the index a process is about to write. Quick mode, as Lucene's later <c>CheckIndex -fast</c>:
/// every segment opens and every file's checksum matches, which catches truncated, overwritten and half-copied files
/// in a second or two; the full <see cref="CheckIndex"/> (every posting decoded) is for <see cref="CheckThoroughly"/>.
/// </summary>
public static class IndexHealth
{
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
            foreach (var leaf in reader.Leaves)
            {
                leaf.AtomicReader.CheckIntegrity();
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
    public static string? CheckThoroughly(IndexLayout layout)
    {
        if (layout.ReadablePath is not { } path)
        {
            return null;
        }

        try
        {
            using var directory = FSDirectory.Open(path);
            var status = new CheckIndex(directory).DoCheckIndex();
            return status.Clean ? null : Damaged(path, status.MissingSegments ? "segments are missing" : $"{status.NumBadSegments} damaged segments");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Damaged(path, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static string Damaged(string path, string detail) =>
        $"the index at '{path}' is damaged ({detail}). Nothing was written to it. Rebuild it into a fresh generation with "
        + "`dotnet run --project src/ArticleIndexer.Worker -- --rebuild` (or `articles reindex --full`); the damaged "
        + "generation is removed once the new one is in place";
}

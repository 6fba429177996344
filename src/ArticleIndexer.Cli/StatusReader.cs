using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Search;
using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Locking;

namespace ArticleIndexer.Cli;

/// <summary>
/// Gathers <c>articles status</c> without writing anything or taking the lock: the index root's layout, the current
/// generation's documents and size, who holds the lock, and the newest passes of the history.
/// </summary>
internal static class StatusReader
{
    /// <summary>What <see cref="PassHistory.MarkInterrupted"/> writes; said here of a running pass whose process is gone.</summary>
    private const string ProcessGone = "the process running it stopped before the pass ended";

    /// <summary>
    /// The status of <paramref name="root"/> with the newest <paramref name="limit"/> passes of the history in
    /// <paramref name="database"/>, and the sentence about an index that cannot be read (null when it opens, is
    /// empty or is missing).
    /// </summary>
    public static (StatusJson Status, string? IndexMessage) Read(string root, string database, int limit)
    {
        var layout = new IndexLayout(root);
        var generation = layout.CurrentGeneration;
        var layoutName = generation is not null ? "generations" : layout.HasLegacyIndex ? "v1" : "none";
        var (documents, problem, message) = Documents(root);
        var holder = IndexLock.ReadHolder(root);
        var passes = new PassHistory(database).Recent(limit).Select(pass => Effective(pass, holder)).ToList();
        var running = passes.FirstOrDefault() is { Status: PassStatus.Running } newest ? newest : null;

        var status = new StatusJson(
            root,
            database,
            layoutName,
            generation,
            documents,
            layout.ReadablePath is { } path ? SizeOf(path) : null,
            problem,
            LockHolderJson.From(holder),
            holder?.IsScheduledWorker == true,
            running,
            passes)
        {
            Problems = layout.ReadablePath is { } readable
                ? FileProblemsFile.Load(readable).Select(ProblemJson.From).ToList()
                : [],
        };
        return (status, message);
    }

    // A pass still recorded as running is running only while the process that wrote it holds the lock.
    private static PassJson Effective(PassRecord pass, LockHolder? holder)
    {
        var json = PassJson.From(pass);
        var alive = holder is not null && holder.ProcessId == pass.ProcessId && string.Equals(holder.Host, pass.Host, StringComparison.OrdinalIgnoreCase);
        return pass.Status == PassStatus.Running && !alive
            ? json with { Status = PassStatus.Interrupted, Error = pass.Error ?? ProcessGone }
            : json;
    }

    private static (int? Documents, string? Problem, string? Message) Documents(string root)
    {
        OpenResult opened;
        try
        {
            opened = ArticleSearcher.Open(root);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (null, "corrupt", $"The index at '{root}' cannot be read ({ex.GetType().Name}: {ex.Message}); rebuild it with `articles reindex --full`.");
        }

        using var searcher = opened.Searcher;
        return opened.Problem switch
        {
            null => (searcher?.DocumentCount, null, null),
            IndexProblem.Empty => (0, "empty", null),
            IndexProblem.Missing => (null, "missing", null),
            _ => (null, "corrupt", opened.Message),
        };
    }

    private static long? SizeOf(string folder)
    {
        try
        {
            return new DirectoryInfo(folder).EnumerateFiles().Sum(file => file.Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A rebuild deleted the generation while we looked: the size is unknown, not an error.
            return null;
        }
    }
}

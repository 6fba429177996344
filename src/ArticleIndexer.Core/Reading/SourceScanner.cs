using System.IO.Enumeration;
using ArticleIndexer.Core.Articles;

namespace ArticleIndexer.Core.Reading;

/// <summary>
/// Finds article files under a source folder, recursively, in a stable (ordinal) order.
/// Folders that cannot be listed are reported through <see cref="Discover"/>'s callback and passed over.
/// </summary>
public sealed class SourceScanner
{
    /// <summary>File name endings read as articles: <c>.txt</c>, and web pages (<see cref="HtmlPageReader.Extensions"/>).</summary>
    public static readonly IReadOnlyList<string> ArticleExtensions = [".txt", .. HtmlPageReader.Extensions];

    /// <summary>
    /// Lists the article files under <paramref name="root"/> lazily, one folder at a time, so a large tree
    /// never sits in memory. Hidden entries (starting with '.') and symbolic-link folders are skipped.
    /// </summary>
    public IEnumerable<ArticleFile> Discover(string root, Action<string, string>? onUnreadableFolder = null)
    {
        var rootFull = Path.GetFullPath(root);
        var prefix = rootFull.Length + (rootFull.EndsWith(Path.DirectorySeparatorChar) ? 0 : 1);
        var pending = new Stack<string>();
        pending.Push(rootFull);

        // The next few folders are listed on other threads while this one's files are handed out: listing is a stat per
        // file, and an unchanged archive's pass is mostly listing. Order and output stay those of one thread.
        var listing = new Dictionary<string, Task<Listing>>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            var (entries, problem) = listing.Remove(folder, out var started) ? started.GetAwaiter().GetResult() : List(folder);
            if (entries is null)
            {
                onUnreadableFolder?.Invoke(folder, problem!);
                continue;
            }

            var subfolders = new List<string>();
            foreach (var entry in entries)
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }

                if (entry.IsFolder)
                {
                    if (!entry.IsLink)
                    {
                        subfolders.Add(entry.FullPath);
                    }
                }
                else if (IsArticle(entry.Name))
                {
                    var relative = entry.FullPath[prefix..].Replace('\\', '/');
                    yield return new ArticleFile(entry.FullPath, relative, entry.Length, entry.LastWriteUtc);
                }
            }

            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                pending.Push(subfolders[i]);
            }

            foreach (var next in pending.Take(FoldersAhead))
            {
                if (!listing.ContainsKey(next))
                {
                    listing[next] = Task.Run(() => List(next));
                }
            }
        }
    }

    // How many folders are listed ahead of the one being handed out.
    private static readonly int FoldersAhead = Math.Max(2, Environment.ProcessorCount);

    // One folder's entries in ordinal order, or why it cannot be listed.
    private static Listing List(string folder)
    {
        try
        {
            // One directory read and one stat per file, straight into what the pass needs: no FileInfo objects.
            List<Entry> entries = [.. new FileSystemEnumerable<Entry>(folder, ToEntry, EnumerateOptions)];
            entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            return new Listing(entries, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new Listing(null, ex.Message);
        }
    }

    private readonly record struct Listing(List<Entry>? Entries, string? Problem);

    // Hidden and system entries are listed too (names starting with '.' are left out above, as before); a folder that
    // cannot be read is an error for the caller, not skipped silently.
    private static readonly EnumerationOptions EnumerateOptions = new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    private static Entry ToEntry(ref FileSystemEntry entry) => new(
        entry.FileName.ToString(),
        entry.ToFullPath(),
        entry.IsDirectory,
        (entry.Attributes & FileAttributes.ReparsePoint) != 0,
        entry.IsDirectory ? 0 : entry.Length,
        entry.IsDirectory ? default : entry.LastWriteTimeUtc.UtcDateTime);

    private readonly record struct Entry(string Name, string FullPath, bool IsFolder, bool IsLink, long Length, DateTime LastWriteUtc);

    private static bool IsArticle(string name)
    {
        foreach (var extension in ArticleExtensions)
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

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
        var pending = new Stack<string>();
        pending.Push(rootFull);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(folder).GetFileSystemInfos();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                onUnreadableFolder?.Invoke(folder, ex.Message);
                continue;
            }

            Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
            var subfolders = new List<string>();
            foreach (var entry in entries)
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }

                if (entry is DirectoryInfo dir)
                {
                    if (dir.LinkTarget is null)
                    {
                        subfolders.Add(dir.FullName);
                    }
                }
                else if (entry is FileInfo file && IsArticle(file.Name))
                {
                    var relative = Path.GetRelativePath(rootFull, file.FullName).Replace('\\', '/');
                    yield return new ArticleFile(file.FullName, relative, file.Length, file.LastWriteTimeUtc);
                }
            }

            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                pending.Push(subfolders[i]);
            }
        }
    }

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

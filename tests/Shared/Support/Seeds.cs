namespace ArticleIndexer.Tests.Support;

/// <summary>
/// The repository's sample articles (<c>seeds/</c>), found by walking up to <c>ArticleIndexer.sln</c>. Shared by the
/// test projects that link <c>tests/Shared/Support</c>.
/// </summary>
internal static class Seeds
{
    public const int Count = 5;

    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    public static string Folder => Path.Combine(RepositoryRoot, "seeds");

    /// <summary>Copies the first <paramref name="count"/> seeds, in name order, into <paramref name="folder"/>; returns the copies' paths.</summary>
    public static IReadOnlyList<string> CopyTo(string folder, int count = Count)
    {
        Directory.CreateDirectory(folder);
        var copies = new List<string>();
        foreach (var seed in Directory.GetFiles(Folder, "*.txt").Order(StringComparer.Ordinal).Take(count))
        {
            var copy = Path.Combine(folder, Path.GetFileName(seed));
            File.Copy(seed, copy);
            copies.Add(copy);
        }

        Assert.Equal(count, copies.Count);
        return copies;
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ArticleIndexer.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ArticleIndexer.sln above {AppContext.BaseDirectory}.");
    }
}

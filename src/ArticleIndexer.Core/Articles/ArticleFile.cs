namespace ArticleIndexer.Core.Articles;

/// <summary>An article file found under the source folder, before it is read.</summary>
/// <param name="FullPath">Absolute path of the file.</param>
/// <param name="RelativePath">Path relative to the source folder, with forward slashes.</param>
/// <param name="Length">Size in bytes when discovered.</param>
/// <param name="LastWriteUtc">Last write time when discovered.</param>
public sealed record ArticleFile(string FullPath, string RelativePath, long Length, DateTime LastWriteUtc)
{
    /// <summary>The id people type to find this article.</summary>
    public ArticleId Id { get; } = ArticleId.FromRelativePath(RelativePath);
}

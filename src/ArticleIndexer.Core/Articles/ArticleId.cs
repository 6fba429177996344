namespace ArticleIndexer.Core.Articles;

/// <summary>
/// The stable identifier of an article: its path relative to the source folder, with forward slashes and
/// without a <c>.txt</c> extension (<c>003_dddbabfa66241e60</c> for a seed, <c>2015/july/calais</c> in a sub-folder).
/// Other files keep their whole name (<c>2015/july/calais.html</c>, <c>0001.html.gz</c>), so a page saved beside
/// its text never shares its id. People type it, so it never contains the source folder itself.
/// </summary>
public readonly record struct ArticleId(string Value)
{
    /// <summary>Builds the id of <paramref name="relativePath"/> (a path relative to the source folder).</summary>
    public static ArticleId FromRelativePath(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        var slash = path.LastIndexOf('/');
        var dot = path.LastIndexOf('.');
        if (dot > slash + 1 && path.AsSpan(dot).Equals(".txt", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..dot];
        }

        return new ArticleId(path);
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}

using ArticleIndexer.Core.Articles;
using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Reading;

namespace ArticleIndexer.Core.Pipeline;

/// <summary>What became of one file: an article, or the reason it has none.</summary>
public sealed record ArticleOutcome(ArticleFile File, Article? Article, SkipReason? Skip, string? Detail, int MojibakeRepairs)
{
    /// <summary>The encoding the file was decoded with; null when it could not be read.</summary>
    public string? Encoding { get; init; }

    /// <summary>The lines removed as boilerplate, with their reasons: those of the article, or, when the article was
    /// skipped with <see cref="SkipReason.NoBodyAfterStripping"/>, every line of the file.</summary>
    public IReadOnlyList<StrippedLine> Stripped { get; init; } = [];

    /// <summary>What people should know about how the file was read or processed ("decoded as Windows-1252: ...",
    /// "entities from the first 1,000,000 characters only"); empty for a clean file.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    internal static ArticleOutcome Built(Article article, int mojibakeRepairs, IReadOnlyList<string> notes) => new(article.File, article, null, null, mojibakeRepairs)
    {
        Encoding = article.Encoding,
        Stripped = article.Stripped,
        Notes = notes,
    };

    internal static ArticleOutcome Skipped(ArticleFile file, SkipReason reason, string detail) => new(file, null, reason, detail, 0);
}

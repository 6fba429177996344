using ArticleIndexer.Core.Articles;
using ArticleIndexer.Core.Reading;

namespace ArticleIndexer.Core.Pipeline;

/// <summary>What became of one file: an article, or the reason it has none.</summary>
public sealed record ArticleOutcome(ArticleFile File, Article? Article, SkipReason? Skip, string? Detail, int MojibakeRepairs)
{
    internal static ArticleOutcome Built(Article article, int mojibakeRepairs) => new(article.File, article, null, null, mojibakeRepairs);

    internal static ArticleOutcome Skipped(ArticleFile file, SkipReason reason, string detail) => new(file, null, reason, detail, 0);
}

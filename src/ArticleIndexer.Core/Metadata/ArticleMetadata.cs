namespace ArticleIndexer.Core.Metadata;

/// <summary>
/// What an article says of itself beyond its title: when it was published (and updated), each value with where it
/// came from ("line 3: date line"), as a stripped line keeps its reason.
/// </summary>
/// <param name="Published">The day it was published, or null when the file does not say.</param>
/// <param name="PublishedFrom">Where <paramref name="Published"/> was read: the line and the rule.</param>
/// <param name="Updated">The day it was last updated, when the file says so apart from the publication.</param>
/// <param name="UpdatedFrom">Where <paramref name="Updated"/> was read.</param>
public sealed record ArticleMetadata(DateOnly? Published, string? PublishedFrom, DateOnly? Updated = null, string? UpdatedFrom = null)
{
    /// <summary>Nothing found.</summary>
    public static ArticleMetadata None { get; } = new(null, null);
}

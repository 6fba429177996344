namespace ArticleIndexer.Core.Metadata;

/// <summary>
/// What an article says of itself beyond its title: when it was published (and updated), who wrote it and which site
/// or source it comes from, each value with where it came from ("line 3: date line"), as a stripped line keeps its
/// reason.
/// </summary>
/// <param name="Published">The day it was published, or null when the file does not say.</param>
/// <param name="PublishedFrom">Where <paramref name="Published"/> was read: the line and the rule.</param>
/// <param name="Updated">The day it was last updated, when the file says so apart from the publication.</param>
/// <param name="UpdatedFrom">Where <paramref name="Updated"/> was read.</param>
[System.Text.Json.Serialization.JsonConverter(typeof(ArticleMetadataJson))]
public sealed record ArticleMetadata(DateOnly? Published, string? PublishedFrom, DateOnly? Updated = null, string? UpdatedFrom = null)
{
    /// <summary>Nothing found.</summary>
    public static ArticleMetadata None { get; } = new(null, null);

    /// <summary>Where the article's title was read ("line 56: headline line, 2 lines above the lead", "markup: the page's
    /// headline"); null when it has none.</summary>
    public string? TitleFrom { get; init; }

    /// <summary>Who wrote it, in the byline's order; empty when the file names nobody.</summary>
    public IReadOnlyList<ArticleAuthor> Authors { get; init; } = [];

    /// <summary>Where <see cref="Authors"/> were read: the line and the rule.</summary>
    public string? AuthorsFrom { get; init; }

    /// <summary>The site, publisher or agency the article comes from ("KentOnline", "Reuters"), or null.</summary>
    public string? Site { get; init; }

    /// <summary>Where <see cref="Site"/> was read.</summary>
    public string? SiteFrom { get; init; }
}

/// <summary>One author of a byline: the name alone ("Jane Smith") and, apart, the role the byline gives ("Political
/// Editor"), or null.</summary>
public sealed record ArticleAuthor(string Name, string? Role = null);

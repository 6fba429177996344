namespace ArticleIndexer.Core.Html;

/// <summary>
/// What a web page says about its article, from its markup rather than its text: JSON-LD (schema.org
/// <c>Article</c> and kin), Open Graph and other <c>&lt;meta&gt;</c> tags, <c>&lt;link rel="canonical"&gt;</c>,
/// <c>&lt;time&gt;</c>, the <c>lang</c> attribute and the URL. Every field is null when the page does not say.
/// </summary>
/// <param name="Title">The headline: the page's visible <c>h1</c> that agrees with its titles (JSON-LD <c>headline</c>,
/// <c>og:title</c>, <c>&lt;title&gt;</c>), else those titles when two agree, else the first <c>h1</c> or title; without
/// the site name (" | Site", " - Site").</param>
/// <param name="Author">The byline as the page writes it: JSON-LD <c>author</c>, an author meta tag, or the byline in the
/// markup, its label ("By") and dates cut ("Jane Smith and John Doe, Political Editor"). The names apart, with roles,
/// are in <see cref="Metadata.ArticleMetadata.Authors"/>.</param>
/// <param name="Published">When it was published, as the page gives it (ISO 8601 where the page uses it, which is
/// nearly always; a day alone, <c>2025-09-04</c>, from another form, the URL or the page's text when the markup's day
/// is written nowhere on the page); null when the page contradicts itself or shows only its update.</param>
/// <param name="CanonicalUrl">The page's canonical address (<c>rel="canonical"</c>, <c>og:url</c>).</param>
/// <param name="SiteName">The site or publisher (<c>og:site_name</c>, JSON-LD <c>publisher</c>).</param>
/// <param name="Language">The language tag (<c>&lt;html lang&gt;</c>, <c>og:locale</c>, <c>content-language</c>), e.g. <c>en-GB</c>.</param>
/// <param name="Description">The page's summary (<c>description</c>, <c>og:description</c>).</param>
public sealed record PageMetadata(
    string? Title = null,
    string? Author = null,
    string? Published = null,
    string? CanonicalUrl = null,
    string? SiteName = null,
    string? Language = null,
    string? Description = null)
{
    /// <summary>A page that says nothing about itself.</summary>
    public static PageMetadata None { get; } = new();
}

using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ArticleIndexer.Core.Html;

/// <summary>
/// Reads <see cref="PageMetadata"/> from a parsed page. Sources in order of trust, per field: JSON-LD of an
/// article type, then Open Graph / <c>article:*</c> / Dublin Core / plain <c>&lt;meta&gt;</c> tags, then the markup
/// (<c>h1</c>, <c>&lt;time&gt;</c>, <c>rel="author"</c>, <c>&lt;title&gt;</c>), then the URL (a date in its path).
/// Malformed JSON-LD is passed over, never an error.
/// </summary>
public static partial class MetadataReader
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "Report", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "ReviewNewsArticle", "BackgroundNewsArticle", "TechArticle", "ScholarlyArticle", "LiveBlogPosting", "SocialMediaPosting",
        "Review", "HowTo", "Recipe", "WebPage", "ItemPage", "AboutPage", "MedicalWebPage", "Posting", "DiscussionForumPosting",
    };

    /// <summary>Reads the metadata of <paramref name="document"/>; <paramref name="url"/> (when known) is the last
    /// resort for the canonical address and the date.</summary>
    public static PageMetadata Read(IDocument document, string? url = null)
    {
        var meta = MetaTags(document);
        var ld = JsonLd(document);

        string? Meta(params string[] keys)
        {
            foreach (var key in keys)
            {
                if (meta.TryGetValue(key, out var value) && Clean(value) is { } clean)
                {
                    return clean;
                }
            }

            return null;
        }

        var siteName = ld.SiteName ?? Meta("og:site_name", "application-name", "twitter:site", "publisher");
        var canonical = document.QuerySelector("link[rel~=canonical][href]")?.GetAttribute("href") is { } href && Clean(href) is { } h
            ? h
            : Meta("og:url") ?? url;

        var title = ld.Title ?? Meta("og:title", "twitter:title", "dc.title", "citation_title", "parsely-title", "sailthru.title");
        var headings = document.QuerySelectorAll("h1");
        if (title is null && headings.Length == 1 && Clean(headings[0].TextContent) is { } h1)
        {
            title = h1;
        }

        title ??= document.QuerySelector("title")?.TextContent is { } raw ? WithoutSiteName(Clean(raw), siteName) : null;
        if (title is not null)
        {
            title = WithoutSiteName(title, siteName);
        }

        var author = ld.Author
                     ?? Meta("author", "article:author", "dc.creator", "citation_author", "parsely-author", "sailthru.author", "byl")
                     ?? AuthorFromMarkup(document);
        if (author is not null && author.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            // article:author is often the author's profile page, not a name.
            author = AuthorFromMarkup(document);
        }

        var published = ld.Published
                        ?? Meta("article:published_time", "og:published_time", "datepublished", "dc.date", "dc.date.issued", "date",
                            "pubdate", "publish_date", "publishdate", "parsely-pub-date", "sailthru.date", "citation_publication_date")
                        ?? TimeFromMarkup(document)
                        ?? DateFromUrl(canonical ?? url);

        var language = Clean(document.DocumentElement.GetAttribute("lang"))
                       ?? ld.Language
                       ?? Meta("og:locale", "content-language", "language", "dc.language")?.Replace('_', '-');

        return new PageMetadata(
            title,
            author,
            published,
            canonical,
            siteName,
            language,
            Meta("description", "og:description", "twitter:description"));
    }

    /// <summary><paramref name="title"/> without a site name joined to it by a separator (" | Site", " - Site", "Site: ");
    /// the longest part when the site name is unknown and one part is much longer.</summary>
    internal static string? WithoutSiteName(string? title, string? siteName)
    {
        if (title is null)
        {
            return null;
        }

        var parts = TitleSeparator().Split(title);
        if (parts.Length < 2)
        {
            return title;
        }

        if (siteName is not null)
        {
            var kept = parts.Where(p => !p.Trim().Equals(siteName.Trim(), StringComparison.OrdinalIgnoreCase)).ToArray();
            if (kept.Length < parts.Length && kept.Length > 0)
            {
                return string.Join(" - ", kept.Select(p => p.Trim()));
            }
        }

        // " | Site" at the end: the first part, when it is a title of several words and the rest is short.
        var first = parts[0].Trim();
        var rest = string.Join(" ", parts.Skip(1));
        return first.Split(' ').Length >= 3 && rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4 ? first : title;
    }

    private static Dictionary<string, string> MetaTags(IDocument document)
    {
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop") ?? meta.GetAttribute("http-equiv");
            var value = meta.GetAttribute("content");
            if (key is not null && value is not null)
            {
                tags.TryAdd(key.Trim(), value);
            }
        }

        return tags;
    }

    private sealed record LinkedData(string? Title, string? Author, string? Published, string? SiteName, string? Language);

    /// <summary>The <c>articleBody</c> of the page's JSON-LD article (the first of an article type that has one of at
    /// least 200 characters), or null: many news sites repeat the article's text there.</summary>
    internal static string? ArticleBody(IDocument document) =>
        FirstArticle(document, article => String(article, "articleBody") is { Length: >= 200 } body ? body : null);

    // The first JSON-LD object of an article type (searched through @graph and arrays).
    private static LinkedData JsonLd(IDocument document) =>
        FirstArticle(document, article => new LinkedData(
            Clean(String(article, "headline") ?? String(article, "name")),
            Names(article, "author"),
            Clean(String(article, "datePublished") ?? String(article, "dateCreated")),
            Names(article, "publisher"),
            Clean(String(article, "inLanguage"))))
        ?? new LinkedData(null, null, null, null, null);

    // What `read` makes of the first JSON-LD article object (searched through @graph and arrays) of which it makes
    // something, script by script in document order.
    private static T? FirstArticle<T>(IDocument document, Func<JsonElement, T?> read)
        where T : class
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (FindArticle(json.RootElement, 0) is { } article && read(article) is { } found)
                {
                    return found;
                }
            }
            catch (JsonException)
            {
                // Hand-written JSON-LD is often broken; the other sources still count.
            }
        }

        return null;
    }

    private static JsonElement? FindArticle(JsonElement element, int depth)
    {
        if (depth > 4)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            JsonElement? page = null;
            foreach (var item in element.EnumerateArray())
            {
                if (FindArticle(item, depth + 1) is { } found)
                {
                    if (!IsType(found, "WebPage"))
                    {
                        return found;
                    }

                    page ??= found;
                }
            }

            return page;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (element.TryGetProperty("@graph", out var graph))
        {
            return FindArticle(graph, depth + 1);
        }

        return ArticleTypes.Any(t => IsType(element, t)) ? element : null;
    }

    private static bool IsType(JsonElement element, string type)
    {
        if (!element.TryGetProperty("@type", out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => string.Equals(value.GetString(), type, StringComparison.OrdinalIgnoreCase),
            JsonValueKind.Array => value.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String && string.Equals(v.GetString(), type, StringComparison.OrdinalIgnoreCase)),
            _ => false,
        };
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // "author": "A", {"name": "A"}, or an array of either: the names, comma-separated.
    private static string? Names(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return null;
        }

        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : [value];
        var names = items
            .Select(i => i.ValueKind == JsonValueKind.String ? i.GetString() : i.ValueKind == JsonValueKind.Object ? String(i, "name") : null)
            .Select(Clean)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return names.Length > 0 ? string.Join(", ", names) : null;
    }

    private static string? AuthorFromMarkup(IDocument document)
    {
        var node = document.QuerySelector("[rel~=author], [itemprop=author] [itemprop=name], [itemprop=author], .author-name, .byline-name, .author .name");
        var name = Clean(node?.TextContent);
        if (name is null)
        {
            return null;
        }

        name = ByPrefix().Replace(name, string.Empty);
        return name.Length is > 1 and <= 80 ? name : null;
    }

    private static string? TimeFromMarkup(IDocument document)
    {
        var time = document.QuerySelector("time[pubdate][datetime], article time[datetime], [itemprop=datePublished][datetime], time[datetime]");
        return Clean(time?.GetAttribute("datetime"));
    }

    /// <summary>A date in a URL's path (<c>/2025/09/04/</c>, <c>/2025-09-04-</c>) as <c>yyyy-MM-dd</c>; null when there is none.</summary>
    internal static string? DateFromUrl(string? url)
    {
        if (url is null || UrlDate().Match(url) is not { Success: true } match)
        {
            return null;
        }

        var (year, month, day) = (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), int.Parse(match.Groups[3].Value));
        return year is >= 1990 and <= 2100 && month is >= 1 and <= 12 && day is >= 1 and <= 31 ? $"{year:D4}-{month:D2}-{day:D2}" : null;
    }

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var collapsed = Spaces().Replace(System.Net.WebUtility.HtmlDecode(value), " ").Trim();
        return collapsed.Length == 0 ? null : collapsed;
    }

    [GeneratedRegex(@"\s+[|–—·•»:]\s+|\s+-\s+|\s+::\s+", RegexOptions.CultureInvariant)]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"/((?:19|20)\d\d)[/\-_]([01]?\d)[/\-_]([0-3]?\d)(?:[/\-_]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"^(?:by|von|par|por|di)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}

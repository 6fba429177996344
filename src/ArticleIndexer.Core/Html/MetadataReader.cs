using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ArticleIndexer.Core.Metadata;

namespace ArticleIndexer.Core.Html;

/// <summary>
/// Reads <see cref="PageMetadata"/> from a parsed page, and the same as <see cref="ArticleMetadata"/> with where each
/// value was read (<see cref="ReadFacts"/>). The headline is the visible <c>h1</c> that agrees with the page's titles
/// (<see cref="Headline"/>). The published day: the JSON-LD article's <c>datePublished</c> (of any script, through
/// <c>@graph</c>, <c>mainEntity</c>, <c>blogPost</c>), the publication meta tags (<c>article:published_time</c>,
/// <c>pubdate</c>, <c>DC.date</c>, <c>sailthru.date</c>, <c>parsely-pub-date</c>, ...), elements marked
/// <c>datePublished</c>, a <c>&lt;time&gt;</c> of the article's header, the URL (<c>/2015/07/02/</c>); a local time keeps
/// its local day; sources that disagree give none. Authors: JSON-LD <c>author</c>, the author meta tags, the markup's
/// bylines (<see cref="MarkupAuthors"/>); the site's own name only when nothing else names anyone. Malformed JSON-LD is
/// passed over, never an error.
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
    public static PageMetadata Read(IDocument document, string? url = null) => ReadFacts(document, url).Page;

    /// <summary>What the markup of a page says, each value with where it was read.</summary>
    /// <param name="Page">The page's metadata as <see cref="Read"/> gives it.</param>
    /// <param name="Facts">The same as an article's metadata: the published and updated days, the authors (names and
    /// roles apart) and the site, with evidence ("markup: JSON-LD datePublished").</param>
    internal sealed record MarkupFacts(PageMetadata Page, ArticleMetadata Facts);

    /// <summary>Reads <paramref name="document"/>'s metadata with the evidence of every value.</summary>
    internal static MarkupFacts ReadFacts(IDocument document, string? url = null)
    {
        var meta = MetaTags(document);
        var ld = JsonLd(document);

        (string? Value, string? Key) Meta(params string[] keys)
        {
            foreach (var key in keys)
            {
                if (meta.TryGetValue(key, out var value) && Clean(value) is { } clean)
                {
                    return (clean, key);
                }
            }

            return (null, null);
        }

        var siteName = ld.SiteName ?? Meta("og:site_name", "application-name", "twitter:site", "publisher").Value;
        var canonical = document.QuerySelector("link[rel~=canonical][href]")?.GetAttribute("href") is { } href && Clean(href) is { } h
            ? h
            : Meta("og:url").Value ?? url;

        var title = Headline(document, siteName, ld.Title, Meta("og:title", "twitter:title", "dc.title", "citation_title", "parsely-title", "sailthru.title").Value);

        var (authors, authorsFrom, authorLine) = Authors(document, ld, meta, siteName);
        var (published, publishedFrom, publishedRaw) = PublishedDay(document, ld, meta, canonical ?? url);
        var (updated, updatedFrom) = UpdatedDay(ld, meta);
        if (updated is not null && updated == published)
        {
            (updated, updatedFrom) = (null, null);
        }

        var language = Clean(document.DocumentElement.GetAttribute("lang"))
                       ?? ld.Language
                       ?? Meta("og:locale", "content-language", "language", "dc.language").Value?.Replace('_', '-');

        var page = new PageMetadata(
            title,
            authorLine,
            published is null ? null : publishedRaw is not null && IsoStart().IsMatch(publishedRaw) ? publishedRaw : published.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            canonical,
            siteName,
            language,
            Meta("description", "og:description", "twitter:description").Value);
        var facts = new ArticleMetadata(published, publishedFrom, updated, updatedFrom)
        {
            Authors = authors,
            AuthorsFrom = authors.Count > 0 ? authorsFrom : null,
            Site = siteName,
            SiteFrom = siteName is null ? null : ld.SiteName is not null ? "markup: JSON-LD publisher" : "markup: meta site name",
        };
        return new MarkupFacts(page, facts);
    }

    /// <summary>The page's headline. A visible <c>h1</c> is what the page shows: the one that agrees with the page's
    /// titles (JSON-LD <c>headline</c>, <c>og:title</c>, <c>&lt;title&gt;</c>, shared words), else the first one, unless
    /// two of those titles agree with each other and not with it (the <c>h1</c> is a section's or a slogan); without an
    /// <c>h1</c>, the first of those titles. An <c>h1</c> that is the site's name is no headline. Each without the site
    /// name joined to it.</summary>
    internal static string? Headline(IDocument document, string? siteName, string? ldTitle, string? metaTitle)
    {
        var rawTitle = Clean(document.QuerySelector("title")?.TextContent);
        var titles = new[] { metaTitle, ldTitle, rawTitle }.Select(t => WithoutSiteName(Clean(t), siteName)).OfType<string>().ToList();
        var siteParts = rawTitle is null ? [] : TitleSeparator().Split(rawTitle).Skip(1).Select(p => p.Trim()).ToArray();
        var headings = new List<string>();
        foreach (var heading in document.QuerySelectorAll("h1"))
        {
            // Its text nodes apart ("WEEKEND<br>CODING AGENT"), and a one-word h1 ("Search", "Blog") a headline only
            // when a title says so.
            if (Clean(string.Join(' ', heading.Descendants<IText>().Select(t => t.Data))) is not { } text || headings.Contains(text)
                || (!text.Contains(' ') && !titles.Any(t => MarkupAuthors.Same(t, text)))
                || (siteName is not null && MarkupAuthors.Same(text, siteName))
                || (rawTitle is not null && !MarkupAuthors.Same(text, rawTitle) && siteParts.Any(p => MarkupAuthors.Same(p, text))))
            {
                continue;
            }

            headings.Add(WithoutSiteName(text, siteName)!);
        }

        foreach (var heading in headings)
        {
            if (titles.Any(t => Overlap(heading, t) >= HeadlineOverlap))
            {
                return heading;
            }
        }

        if (headings.Count > 0)
        {
            var agreed = titles.FirstOrDefault(t => titles.Count(o => MarkupAuthors.Same(o, t)) >= 2);
            return agreed ?? headings[0];
        }

        return titles.FirstOrDefault();
    }

    /// <summary>The share of the shorter title's words (short function words aside) that the other has too, above
    /// which an <c>h1</c> agrees with a title.</summary>
    internal const double HeadlineOverlap = 0.6;

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "in", "to", "for", "and", "on", "with", "your", "how", "is", "are", "what", "by", "at", "from", "or",
    };

    private static double Overlap(string a, string b)
    {
        static HashSet<string> Words(string s) =>
            [.. WordPattern().Matches(s.ToLowerInvariant()).Select(m => m.Value).Where(w => !FunctionWords.Contains(w))];
        var (x, y) = (Words(a), Words(b));
        return x.Count == 0 || y.Count == 0 ? 0 : (double)x.Count(y.Contains) / Math.Min(x.Count, y.Count);
    }

    // The authors: JSON-LD author, then the author meta tags, then the byline in the markup. The site's or the
    // publisher's own name is an author only when no source names anyone else: a personal site's owner ("Ben Nadel"
    // on Ben Nadel's site), a company blog that credits only itself.
    private static (List<ArticleAuthor> Authors, string? From, string? Line) Authors(
        IDocument document, LinkedData ld, Dictionary<string, string> meta, string? siteName)
    {
        var publisher = ld.SiteName;
        bool IsSite(ArticleAuthor a) => (siteName is not null && MarkupAuthors.Same(a.Name, siteName))
                                        || (publisher is not null && MarkupAuthors.Same(a.Name, publisher));
        (List<ArticleAuthor> Authors, string? From, string Line)? siteOnly = null;

        // The names of `bylines` that are not the site's, and the bylines as written that gave them.
        (List<ArticleAuthor> Authors, string Line)? Take(IEnumerable<string> bylines, bool declared, string from)
        {
            var read = bylines.Select(b => MarkupAuthors.Read(b, declared)).Where(r => r.Authors.Count > 0).ToList();
            var people = read.Where(r => r.Authors.Any(a => !IsSite(a))).ToList();
            if (people.Count > 0)
            {
                var authors = people.SelectMany(r => r.Authors.Where(a => !IsSite(a))).DistinctBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
                return (authors, string.Join(", ", people.Select(r => r.Text).Distinct(StringComparer.Ordinal)));
            }

            if (read.Count > 0)
            {
                siteOnly ??= (read.SelectMany(r => r.Authors).DistinctBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList(),
                    from + " (the site's own name)", string.Join(", ", read.Select(r => r.Text).Distinct(StringComparer.Ordinal)));
            }

            return null;
        }

        if (Take(ld.Authors, declared: true, "markup: JSON-LD author") is { } fromLd)
        {
            return (fromLd.Authors, "markup: JSON-LD author", fromLd.Line);
        }

        foreach (var key in AuthorKeys)
        {
            if (meta.TryGetValue(key, out var value) && Clean(value) is { } clean && Take([clean], declared: true, $"markup: meta {key}") is { } fromMeta)
            {
                return (fromMeta.Authors, $"markup: meta {key}", fromMeta.Line);
            }
        }

        // Yoast's reading line: twitter:label1 "Written by", twitter:data1 the name.
        for (var i = 1; i <= 4; i++)
        {
            if (meta.TryGetValue($"twitter:label{i}", out var label) && WrittenBy().IsMatch(label)
                && meta.TryGetValue($"twitter:data{i}", out var data) && Take([data], declared: true, "markup: meta twitter:data") is { } fromLabel)
            {
                return (fromLabel.Authors, $"markup: meta twitter:data{i} (\"{label.Trim()}\")", fromLabel.Line);
            }
        }

        foreach (var (text, how) in MarkupAuthors.Bylines(document))
        {
            if (text.Length is > 1 and <= 200 && Take([text], declared: false, $"markup: {how}") is { } fromMarkup)
            {
                return (fromMarkup.Authors, $"markup: {how}", fromMarkup.Line);
            }
        }

        return siteOnly is { } site ? (site.Authors, site.From, site.Line) : ([], null, null);
    }

    private static readonly string[] AuthorKeys =
        ["author", "article:author", "dc.creator", "dcterms.creator", "citation_author", "parsely-author", "sailthru.author", "byl", "twitter:creator"];

    // The published day: JSON-LD datePublished of the page's article, the publication meta tags, an element marked
    // datePublished, a <time> of the article's header, the URL. When the JSON-LD and the meta tags give two days, the
    // page contradicts itself and gives none.
    private static (DateOnly? Day, string? From, string? Raw) PublishedDay(IDocument document, LinkedData ld, Dictionary<string, string> meta, string? url)
    {
        var fromLd = MarkupDates.Day(ld.Published);
        (DateOnly? Day, string? Key, string? Raw) fromMeta = (null, null, null);
        foreach (var (key, value) in meta)
        {
            if (IsPublishedKey(key) && MarkupDates.Day(value) is { } day)
            {
                if (fromMeta.Day is { } first && first != day)
                {
                    // Two publication tags with two days: one of them is a render's or a template's.
                    fromMeta = (null, null, null);
                    break;
                }

                fromMeta = fromMeta.Day is null ? (day, key, value) : fromMeta;
            }
        }

        if (fromLd is { } a && fromMeta.Day is { } b)
        {
            return a == b ? (a, "markup: JSON-LD datePublished", ld.Published) : (null, null, null);
        }

        if (fromLd is not null)
        {
            return (fromLd, "markup: JSON-LD datePublished", ld.Published);
        }

        if (fromMeta.Day is not null)
        {
            return (fromMeta.Day, $"markup: meta {fromMeta.Key}", fromMeta.Raw);
        }

        var marked = document.QuerySelectorAll("[itemprop=datePublished]")
            .Select(e => e.GetAttribute("datetime") ?? e.GetAttribute("content") ?? e.TextContent)
            .Select(v => (Raw: v, Day: MarkupDates.Day(v)))
            .Where(v => v.Day is not null)
            .ToList();
        if (marked.Count > 0 && marked.All(m => m.Day == marked[0].Day))
        {
            // Several elements marked with one day are one article's; several days are a list of other articles.
            return (marked[0].Day, "markup: itemprop datePublished", marked[0].Raw);
        }

        if (HeaderTime(document) is ({ } time, var raw))
        {
            return (time, "markup: <time> of the article", raw);
        }

        return DateFromUrl(url) is { } fromUrl ? (MarkupDates.Day(fromUrl), "markup: date in the URL", fromUrl) : (null, null, null);
    }

    private static (DateOnly? Day, string? From) UpdatedDay(LinkedData ld, Dictionary<string, string> meta)
    {
        if (MarkupDates.Day(ld.Modified) is { } fromLd)
        {
            return (fromLd, "markup: JSON-LD dateModified");
        }

        foreach (var key in ModifiedKeys)
        {
            if (meta.TryGetValue(key, out var value) && MarkupDates.Day(value) is { } day)
            {
                return (day, $"markup: meta {key}");
            }
        }

        return (null, null);
    }

    private static readonly string[] ModifiedKeys =
        ["article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "dcterms.modified", "last-modified", "modified"];

    // "article:published_time", "datePublished", "pubdate", "parsely-pub-date", "sailthru.date", "DC.date",
    // "citation_publication_date", "publish-date", ...: a key that names a publication (not the publisher) or a date
    // alone.
    internal static bool IsPublishedKey(string key)
    {
        var k = key.ToLowerInvariant();
        if (k.Contains("publisher", StringComparison.Ordinal) || k.Contains("modif", StringComparison.Ordinal) || k.Contains("updat", StringComparison.Ordinal))
        {
            return false;
        }

        return PublishedKeys.Contains(k)
               || ((k.Contains("publish", StringComparison.Ordinal) || k.Contains("pubdate", StringComparison.Ordinal) || k.Contains("pub-date", StringComparison.Ordinal))
                   && (k.Contains("date", StringComparison.Ordinal) || k.Contains("time", StringComparison.Ordinal)));
    }

    private static readonly HashSet<string> PublishedKeys = new(StringComparer.Ordinal)
    {
        "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish_date", "published",
        "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
        "citation_publication_date", "citation_date", "citation_online_date", "date-pub", "article.published", "cxenseparse:publishtime",
    };

    // A <time datetime> that dates the article: marked pubdate, or the first in the article's header (an <article> or
    // <header> around it, no list of other articles, no update).
    private static (DateOnly? Day, string? Raw) HeaderTime(IDocument document)
    {
        foreach (var time in document.QuerySelectorAll("time[datetime]"))
        {
            var raw = time.GetAttribute("datetime");
            if (MarkupDates.Day(raw) is not { } day)
            {
                continue;
            }

            if (time.HasAttribute("pubdate"))
            {
                return (day, raw);
            }

            var own = ((time.GetAttribute("class") ?? string.Empty) + " " + (time.GetAttribute("itemprop") ?? string.Empty)).ToLowerInvariant();
            if (own.Contains("updat", StringComparison.Ordinal) || own.Contains("modif", StringComparison.Ordinal) || own.Contains("changed", StringComparison.Ordinal))
            {
                continue;
            }

            var inHeader = false;
            var other = false;
            for (var node = time.ParentElement; node is not null; node = node.ParentElement)
            {
                inHeader |= node.TagName is "ARTICLE" or "HEADER" or "MAIN";
                var names = ((node.GetAttribute("class") ?? string.Empty) + " " + (node.Id ?? string.Empty)).ToLowerInvariant();
                other |= node.TagName is "NAV" or "ASIDE" or "FOOTER" or "LI"
                         || OtherItems().IsMatch(names);
            }

            if (inHeader && !other)
            {
                return (day, raw);
            }
        }

        return (null, null);
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

        // The site's name as a whole, separators and all ("Stacy Blackman Consulting - MBA Admissions Consulting").
        if (siteName is not null && siteName.Length < title.Length)
        {
            foreach (Match separator in TitleSeparator().Matches(title))
            {
                var (before, after) = (title[..separator.Index].Trim(), title[(separator.Index + separator.Length)..].Trim());
                if (before.Length > 0 && MarkupAuthors.Same(after, siteName))
                {
                    return before;
                }

                if (after.Length > 0 && MarkupAuthors.Same(before, siteName))
                {
                    return after;
                }
            }
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

    private sealed record LinkedData(string? Title, IReadOnlyList<string> Authors, string? Published, string? Modified, string? SiteName, string? Language);

    /// <summary>The <c>articleBody</c> of the page's JSON-LD article (the first of an article type that has one of at
    /// least 200 characters), or null: many news sites repeat the article's text there.</summary>
    internal static string? ArticleBody(IDocument document) =>
        FirstArticle(document, article => String(article, "articleBody") is { Length: >= 200 } body ? body : null);

    // The page's own JSON-LD article: of all scripts, the first object of an article type at the top (an array, a
    // @graph) or under the main entity (mainEntity, blogPost), a web page only when there is no article; objects in
    // lists (itemListElement, hasPart, related links) are other articles. Its date is its datePublished, or failing
    // that the first top object's that has one.
    private static LinkedData JsonLd(IDocument document)
    {
        var found = new List<(JsonElement Element, bool Page)>();
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
            {
                try
                {
                    var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                    documents.Add(json);
                    CollectArticles(json.RootElement, 0, found);
                }
                catch (JsonException)
                {
                    // Hand-written JSON-LD is often broken; the other sources still count.
                }
            }

            if (found.Count == 0)
            {
                return new LinkedData(null, [], null, null, null, null);
            }

            var article = found.FirstOrDefault(f => !f.Page, found[0]).Element;
            var published = String(article, "datePublished")
                            ?? found.Select(f => String(f.Element, "datePublished")).FirstOrDefault(d => d is not null);
            return new LinkedData(
                Clean(String(article, "headline") ?? String(article, "name")),
                NameList(article, "author"),
                Clean(published),
                Clean(String(article, "dateModified")),
                NameList(article, "publisher").FirstOrDefault(),
                Clean(String(article, "inLanguage")));
        }
        finally
        {
            foreach (var json in documents)
            {
                json.Dispose();
            }
        }
    }

    private static void CollectArticles(JsonElement element, int depth, List<(JsonElement Element, bool Page)> found)
    {
        if (depth > 6)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                CollectArticles(item, depth + 1, found);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (ArticleTypes.Any(t => IsType(element, t)))
        {
            found.Add((element, PageTypes.Any(t => IsType(element, t)) && !ArticleTypes.Except(PageTypes).Any(t => IsType(element, t))));
        }

        foreach (var property in MainEntities)
        {
            if (element.TryGetProperty(property, out var inner))
            {
                CollectArticles(inner, depth + 1, found);
            }
        }
    }

    private static readonly string[] MainEntities = ["@graph", "mainEntity", "blogPost"];

    private static readonly HashSet<string> PageTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "WebPage", "ItemPage", "AboutPage", "MedicalWebPage",
    };

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

    // "author": "A", {"name": "A"}, or an array of either (nested arrays too): the names, in order.
    private static List<string> NameList(JsonElement element, string property)
    {
        var names = new List<string>();
        if (element.TryGetProperty(property, out var value))
        {
            AddNames(value, names, 0);
        }

        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void AddNames(JsonElement value, List<string> names, int depth)
    {
        if (depth > 3)
        {
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String when Clean(value.GetString()) is { } name:
                names.Add(name);
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    AddNames(item, names, depth + 1);
                }

                break;
            case JsonValueKind.Object when value.TryGetProperty("name", out var name):
                AddNames(name, names, depth + 1);
                break;
        }
    }

    /// <summary>A date in a URL's path (<c>/2025/09/04/</c>, <c>/2025-09-04-</c>) as <c>yyyy-MM-dd</c>; null when there is none.</summary>
    internal static string? DateFromUrl(string? url)
    {
        if (url is not null && UrlMonthName().Match(url) is { Success: true } named)
        {
            // "/2023/october/03/": the month by its name.
            var number = Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.MonthNames,
                m => m.Length > 0 && m.StartsWith(named.Groups[2].Value, StringComparison.OrdinalIgnoreCase)) + 1;
            var (y, d) = (int.Parse(named.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(named.Groups[3].Value, CultureInfo.InvariantCulture));
            return number > 0 && y is >= 1990 and <= 2100 && DateMentions.IsDate(y, number, d) ? $"{y:D4}-{number:D2}-{d:D2}" : null;
        }

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

    [GeneratedRegex(@"/((?:19|20)\d\d)/(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)/([0-3]?\d)(?:/|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlMonthName();

    [GeneratedRegex(@"^\s*(?:19|20)\d\d-\d\d-\d\d", RegexOptions.CultureInvariant)]
    private static partial Regex IsoStart();

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^\s*(?:written\s+by|author|authors|by)\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WrittenBy();

    // Class or id names of a list of other articles, comments, an event or an update.
    [GeneratedRegex(@"related|comment|sidebar|widget|card|teaser|promo|event|views-row|recent|popular|changed|updated|modified", RegexOptions.CultureInvariant)]
    private static partial Regex OtherItems();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}

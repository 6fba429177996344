using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ArticleIndexer.Core.Html;

/// <summary>
/// What an element's <c>class</c> and <c>id</c> say about it. The lists are Readability's (Mozilla's
/// Readability.js: <c>unlikelyCandidates</c>, <c>okMaybeItsACandidate</c>, <c>positive</c>, <c>negative</c>) with
/// trafilatura's boilerplate names added (share bars, newsletter boxes, cookie banners, author boxes, tag lists,
/// "related" and "recommended" blocks).
/// </summary>
internal static partial class ContentHints
{
    /// <summary>The class and id of <paramref name="element"/>, lower-cased, joined by a space.</summary>
    public static string Names(IElement element)
    {
        var cls = element.GetAttribute("class");
        var id = element.Id;
        return (cls, id) switch
        {
            (null, null) => string.Empty,
            (_, null) => cls!.ToLowerInvariant(),
            (null, _) => id!.ToLowerInvariant(),
            _ => (cls + " " + id).ToLowerInvariant(),
        };
    }

    /// <summary>Readability's class weight: −25 for a negative name, +25 for a positive one, both may apply.</summary>
    public static int Weight(string names)
    {
        if (names.Length == 0)
        {
            return 0;
        }

        var weight = 0;
        if (Negative().IsMatch(names))
        {
            weight -= 25;
        }

        if (Positive().IsMatch(names))
        {
            weight += 25;
        }

        return weight;
    }

    /// <summary>Names of page parts that are rarely the article (menus, sidebars, comments), unless they also name content.</summary>
    public static bool IsUnlikely(string names) => names.Length > 0 && Unlikely().IsMatch(names) && !MaybeContent().IsMatch(names);

    /// <summary>Names of furniture found inside articles: share bars, newsletter sign-ups, related links, author boxes, tags, ads.</summary>
    public static bool IsFurniture(string names)
    {
        if (names.Length == 0 || ContentName().IsMatch(names))
        {
            return false;
        }

        foreach (var token in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (FurnitureWords.Contains(token))
            {
                return true;
            }

            // "share-buttons", "post-tags", "jp_relatedposts": the word at either end of a compound name. A word
            // in the middle ("elementor-widget-container") says little.
            var dash = token.AsSpan().IndexOfAny('-', '_');
            if (dash > 0 && FurnitureLookup.Contains(token.AsSpan(0, dash)))
            {
                return true;
            }

            var last = token.AsSpan().LastIndexOfAny('-', '_');
            if (last >= 0 && last < token.Length - 1 && FurnitureLookup.Contains(token.AsSpan(last + 1)))
            {
                return true;
            }
        }

        return false;
    }

    // Names of furniture, from trafilatura's cleaning lists, condensed.
    private static readonly HashSet<string> FurnitureWords = new(StringComparer.Ordinal)
    {
        "share", "shares", "sharing", "social", "sharedaddy", "addtoany", "a2a", "newsletter", "subscribe", "subscription", "signup",
        "related", "relatedposts", "recommended", "recommendations", "readmore", "comment", "comments", "disqus", "respond", "replies",
        "authorbox", "tags", "tagcloud", "breadcrumb", "breadcrumbs", "cookie", "cookies", "consent", "gdpr", "promo", "advert",
        "advertisement", "ad", "ads", "adsbygoogle", "sponsored", "popup", "modal", "yarpp", "pagination", "byline", "sidebar",
        "skip", "screen-reader-text", "sr-only", "visually-hidden", "toc", "ez-toc-container", "newsletter-signup", "share-buttons",
        "caption", "credit", "credits", "wp-caption-text",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FurnitureLookup = FurnitureWords.GetAlternateLookup<ReadOnlySpan<char>>();


    // Readability.js REGEXPS.unlikelyCandidates.
    [GeneratedRegex(@"-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote", RegexOptions.CultureInvariant)]
    private static partial Regex Unlikely();

    // Readability.js REGEXPS.okMaybeItsACandidate.
    [GeneratedRegex(@"and|article|body|column|content|main|mathjax|shadow", RegexOptions.CultureInvariant)]
    private static partial Regex MaybeContent();

    // Readability.js REGEXPS.positive.
    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", RegexOptions.CultureInvariant)]
    private static partial Regex Positive();

    // Readability.js REGEXPS.negative.
    [GeneratedRegex(@"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget", RegexOptions.CultureInvariant)]
    private static partial Regex Negative();

    // A furniture word inside a content name ("post-content social") does not make it furniture.
    [GeneratedRegex(@"(?:^|[\s_-])(?:article-?body|entry-content|post-content|post-body|story-body|article-content|main-content)(?:$|[\s_-])", RegexOptions.CultureInvariant)]
    private static partial Regex ContentName();
}

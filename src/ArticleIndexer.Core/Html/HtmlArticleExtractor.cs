using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ArticleIndexer.Core.Html;

/// <summary>
/// Finds the article in a web page: parses it with AngleSharp (an HTML5 parser), reads its metadata, removes what
/// is never article text, chooses the element holding the article, and writes its blocks. How it decides is in
/// docs/html.md. Stateless; one instance serves many pages (and threads).
/// </summary>
public sealed class HtmlArticleExtractor
{
    /// <summary>Why a page gave no article: its <c>&lt;body&gt;</c> has no text at all.</summary>
    internal const string NoText = "the page has no visible text";

    /// <summary>Why a page gave no article: it has text, but none of it reads as an article (menus, links, a form).</summary>
    internal const string NoArticleText = "no part of the page reads as an article (only navigation, links or short labels)";

    private static readonly HashSet<string> NeverContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "MATH", "CANVAS", "IFRAME", "OBJECT", "EMBED", "VIDEO", "AUDIO",
        "BUTTON", "INPUT", "SELECT", "TEXTAREA", "OPTION", "DIALOG", "LINK", "META", "LABEL",
    };

    // Page regions that are furniture by their tag, removed with the named furniture.
    private static readonly HashSet<string> FurnitureTags = new(StringComparer.OrdinalIgnoreCase) { "NAV", "ASIDE", "FOOTER", "MENU", "FIGCAPTION" };

    private static readonly HashSet<string> FurnitureRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar", "tablist",
    };

    private readonly HtmlParser parser = new(new HtmlParserOptions { IsScripting = false });

    /// <summary>The article of <paramref name="html"/>. <paramref name="url"/>, when known, is where the page was fetched
    /// from (a fallback for the canonical address and the date). Never throws for bad markup: HTML5 parsing accepts
    /// every input.</summary>
    public HtmlExtraction Extract(string html, string? url = null)
    {
        var document = parser.ParseDocument(html);
        var metadata = MetadataReader.Read(document, url);
        if (document.Body is null || string.IsNullOrWhiteSpace(document.Body.TextContent))
        {
            return new HtmlExtraction(metadata, [], NoText);
        }

        var headline = document.QuerySelector("h1")?.TextContent;
        IReadOnlyList<ContentBlock> best = [];
        var bestLength = 0;
        for (var i = 0; i < Attempts.Length; i++)
        {
            var body = i == 0 ? document.Body : parser.ParseDocument(html).Body!;
            var (blocks, prose) = Attempt(body, Attempts[i], metadata.Title, headline);
            var length = blocks.Sum(b => b.Text.Length);
            if (length > bestLength)
            {
                (best, bestLength) = (blocks, length);
            }

            if (length >= MinArticleLength && length >= MinProseShare * prose)
            {
                break;
            }
        }

        return best.Count == 0
            ? new HtmlExtraction(metadata, [], NoArticleText)
            : new HtmlExtraction(metadata, best, null);
    }

    /// <summary>An article shorter than this is looked for again with fewer rules (Readability's retry): the rules
    /// removed it, or it is a short page. The longest result wins. 500 characters, as Readability.</summary>
    internal const int MinArticleLength = 500;

    /// <summary>The attempts, strictest first: then without removing elements by name, without class weights,
    /// without conditional cleaning (Readability's flags, in its order).</summary>
    private static readonly Strictness[] Attempts =
    [
        new(RemoveByName: true, WeighClasses: true, CleanConditionally: true),
        new(RemoveByName: false, WeighClasses: true, CleanConditionally: true),
        new(RemoveByName: false, WeighClasses: false, CleanConditionally: true),
        new(RemoveByName: false, WeighClasses: false, CleanConditionally: false),
    ];

    /// <summary>An attempt that removed page parts by name must keep at least this share of the prose the page had
    /// before (<see cref="ContentFinder.Prose"/>), or the next attempt runs: a name matched the article's own
    /// wrapper, and what is left is a disclaimer or a caption.</summary>
    internal const double MinProseShare = 0.1;

    // The blocks an attempt finds, and the prose of the page before elements were removed by name (0 when none were).
    private static (IReadOnlyList<ContentBlock> Blocks, int Prose) Attempt(IElement body, Strictness strictness, string? title, string? headline)
    {
        RemoveNeverContent(body, byName: false);
        var prose = 0;
        if (strictness.RemoveByName)
        {
            prose = ContentFinder.Prose(body, new TextStats(body)).GetValueOrDefault(body);
            RemoveNeverContent(body, byName: true);
        }

        var stats = new TextStats(body);
        if (stats.Text(body) == 0)
        {
            return ([], prose);
        }

        var container = ContentFinder.Find(body, stats, strictness, out var scores);
        if (container is null)
        {
            return ([], prose);
        }

        if (strictness.CleanConditionally)
        {
            ContentFinder.CleanConditionally(container, stats, strictness, scores);
        }

        return (BlockFilter.Keep(BlockWriter.Write(container), title, headline), prose);
    }

    // Script, style, forms' controls, navigation, hidden elements and named furniture (share bars, cookie banners,
    // related links) go before anything is measured, so they neither score nor dilute.
    private static void RemoveNeverContent(IElement body, bool byName)
    {
        var doomed = new List<IElement>();
        foreach (var element in body.Descendants<IElement>())
        {
            if (NeverContent.Contains(element.TagName))
            {
                doomed.Add(element);
                continue;
            }

            // Hidden parts, furniture tags, roles and names: a later, laxer attempt keeps them, for pages whose markup
            // is broken (an unclosed <aside> swallowing the article) or whose script reveals hidden content.
            if (!byName)
            {
                continue;
            }

            if (FurnitureTags.Contains(element.TagName) || IsHidden(element)
                || (element.GetAttribute("role") is { } role && FurnitureRoles.Contains(role.Trim())))
            {
                doomed.Add(element);
                continue;
            }

            var names = ContentHints.Names(element);
            if (element.TagName is not ("BODY" or "A" or "ARTICLE" or "MAIN") && !InsideCode(element)
                && (ContentHints.IsUnlikely(names) || ContentHints.IsFurniture(names)))
            {
                doomed.Add(element);
            }
        }

        foreach (var element in doomed)
        {
            element.Remove();
        }
    }

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true")
        {
            return true;
        }

        var style = element.GetAttribute("style");
        return style is not null
               && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase)
                   || style.Contains("display: none", StringComparison.OrdinalIgnoreCase)
                   || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase)
                   || style.Contains("visibility: hidden", StringComparison.OrdinalIgnoreCase));
    }

    private static bool InsideCode(IElement element)
    {
        for (var node = element.ParentElement; node is not null; node = node.ParentElement)
        {
            if (node.TagName is "PRE" or "CODE" or "TABLE")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Which of the rules an attempt applies.</summary>
    internal readonly record struct Strictness(bool RemoveByName, bool WeighClasses, bool CleanConditionally);
}

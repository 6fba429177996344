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
    private readonly Normalization.TextNormalizer normalizer = new();
    private readonly Boilerplate.LineModel? pageModel;

    /// <summary>The product's extractor: the Readability-style rules below, then the page model built into the
    /// product (<see cref="PageModel"/>) deciding over every block of the page with what the rules chose.</summary>
    public HtmlArticleExtractor()
        : this(PageModel.Default)
    {
    }

    /// <summary>An extractor with the given page model, or the rules alone when <paramref name="pageModel"/> is null.</summary>
    internal HtmlArticleExtractor(Boilerplate.LineModel? pageModel)
    {
        this.pageModel = pageModel;
    }

    /// <summary>The article of <paramref name="html"/>. <paramref name="url"/>, when known, is where the page was fetched
    /// from (a fallback for the canonical address and the date). Never throws for bad markup: HTML5 parsing accepts
    /// every input.</summary>
    public HtmlExtraction Extract(string html, string? url = null)
    {
        var page = Read(html, url);
        if (pageModel is null || page.Extraction.NoArticle == NoText)
        {
            return page.Extraction;
        }

        var lines = PageModel.Analyze(page.Blocks, normalizer);
        var cleaned = PageModel.Decide(lines, page.Blocks, pageModel);
        var kind = new Dictionary<int, BlockKind>();
        for (var i = 0; i < lines.Block.Length; i++)
        {
            kind[lines.Analysis.Lines[i].Number] = page.Blocks[lines.Block[i]].Kind;
        }

        var kept = cleaned.Kept.Select(k => new ContentBlock(kind[k.LineNumber], k.Text)).ToList();
        var settled = WebPageMetadata.Settle(page.Extraction, cleaned);
        return kept.Count == 0
            ? settled with { Blocks = [], NoArticle = NoArticleText, Cleaned = cleaned }
            : settled with { Blocks = kept, NoArticle = null, Cleaned = cleaned };
    }

    /// <summary>A page as the rules extract it, and every block of it with what its markup says (for the page model).</summary>
    internal sealed record Page(HtmlExtraction Extraction, List<PageBlocks.Block> Blocks);

    /// <summary>The rules' extraction of <paramref name="html"/> and all its blocks, marked with the rules' choice.</summary>
    internal Page Read(string html, string? url = null)
    {
        var document = parser.ParseDocument(html);
        var numbers = PageBlocks.Number(document);
        var facts = MetadataReader.ReadFacts(document, url);
        var metadata = facts.Page;
        if (document.Body is null || string.IsNullOrWhiteSpace(document.Body.TextContent))
        {
            return new Page(new HtmlExtraction(metadata, [], NoText) { Facts = facts.Facts }, []);
        }

        var headline = document.QuerySelector("h1")?.TextContent;
        RemoveNeverContent(document.Body, byName: false);
        var blocks = PageBlocks.Read(document.Body, numbers, metadata.Title, headline, MetadataReader.ArticleBody(document));
        IReadOnlyList<ContentBlock> best = [];
        var bestChoice = new PageBlocks.ExtractorChoice([], [], PageBlocks.NoAttempt);
        var bestLength = 0;
        for (var i = 0; i < Attempts.Length; i++)
        {
            var (attemptDocument, attemptNumbers) = (document, numbers);
            if (i > 0)
            {
                attemptDocument = parser.ParseDocument(html);
                attemptNumbers = PageBlocks.Number(attemptDocument);
                RemoveNeverContent(attemptDocument.Body!, byName: false);
            }

            var (found, prose, choice) = Attempt(attemptDocument.Body!, attemptNumbers, Attempts[i], metadata.Title, headline);
            var length = found.Sum(b => b.Text.Length);
            if (length > bestLength)
            {
                (best, bestLength, bestChoice) = (found, length, choice with { Attempt = i });
            }

            if (length >= MinArticleLength && length >= MinProseShare * prose)
            {
                break;
            }
        }

        PageBlocks.Mark(blocks, bestChoice);
        var extraction = best.Count == 0
            ? new HtmlExtraction(metadata, [], NoArticleText) { Facts = facts.Facts }
            : new HtmlExtraction(metadata, best, null) { Facts = facts.Facts };
        return new Page(extraction, blocks);
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

    // The blocks an attempt finds in `body` (never-content already removed), the prose of the page before elements were
    // removed by name (0 when none were), and which elements (by number) it kept and had inside its container.
    private static (IReadOnlyList<ContentBlock> Blocks, int Prose, PageBlocks.ExtractorChoice Choice) Attempt(
        IElement body, Dictionary<IElement, int> numbers, Strictness strictness, string? title, string? headline)
    {
        var none = new PageBlocks.ExtractorChoice([], [], 0);
        var prose = 0;
        if (strictness.RemoveByName)
        {
            prose = ContentFinder.Prose(body, new TextStats(body)).GetValueOrDefault(body);
            RemoveNeverContent(body, byName: true);
        }

        var stats = new TextStats(body);
        if (stats.Text(body) == 0)
        {
            return ([], prose, none);
        }

        var container = ContentFinder.Find(body, stats, strictness, out var scores);
        if (container is null)
        {
            return ([], prose, none);
        }

        var inside = new HashSet<int>();
        foreach (var element in container.DescendantsAndSelf<IElement>())
        {
            if (numbers.TryGetValue(element, out var number))
            {
                inside.Add(number);
            }
        }

        if (strictness.CleanConditionally)
        {
            ContentFinder.CleanConditionally(container, stats, strictness, scores);
        }

        var written = BlockWriter.Write(container);
        var start = BlockFilter.Start(written, title, headline);
        var kept = new HashSet<int>();
        for (var i = start; i < written.Count; i++)
        {
            if (numbers.TryGetValue(written[i].Source, out var number))
            {
                kept.Add(number);
            }
        }

        return (BlockFilter.Keep(written, start), prose, new PageBlocks.ExtractorChoice(kept, inside, 0));
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

    internal static bool IsHidden(IElement element)
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

    /// <summary>True for an ARIA role of a page region that is not the article (navigation, banner, search, ...).</summary>
    internal static bool IsFurnitureRole(string role) => FurnitureRoles.Contains(role.Trim());

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

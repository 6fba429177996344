using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ArticleIndexer.Core.Html;

/// <summary>
/// Every text block of a page (not only the extractor's choice) with what the markup says about it: the page
/// model (PageModel) reads these facts beside the line cleaner's measures of each block's text, and
/// decides block by block what the article is. The facts: what the Readability-style extractor made of the block
/// (kept it, had it inside its container, which of its attempts won), the block's kind and link text, the page
/// regions around it (<c>nav</c>, <c>aside</c>, <c>footer</c>, <c>header</c>, <c>form</c>, <c>figure</c>,
/// <c>article</c>, <c>main</c>, furniture roles, hidden parts), what the <c>class</c> and <c>id</c> names on the way
/// up say, its depth and place, and how much of it the page's JSON-LD <c>articleBody</c> repeats.
/// </summary>
internal static partial class PageBlocks
{
    /// <summary>The names of <see cref="Block.Markup"/>, in order.</summary>
    public static readonly string[] Names =
    [
        "markup: kept by the extractor", "markup: inside the extractor's container", "markup: extractor's attempt",
        "markup: share of the page the extractor kept", "markup: link share", "markup: heading level", "markup: list item",
        "markup: table row", "markup: quotation or code", "markup: in navigation", "markup: in an aside", "markup: in a footer",
        "markup: in a header", "markup: in a form", "markup: in a figure", "markup: in an article element",
        "markup: in the main element", "markup: hidden", "markup: in a furniture role", "markup: unlikely names above",
        "markup: furniture names above", "markup: class weight above", "markup: depth", "markup: share of the page above",
        "markup: after the headline", "markup: share in the JSON-LD body", "markup: in a list of links",
        "markup: characters of its parent (log)",
    ];

    /// <summary>A block of the page: its kind and text (white space collapsed, as <see cref="BlockWriter"/> writes it),
    /// the number of the element it is from (<see cref="Number"/>), whether it is the headline, and its markup facts
    /// (<see cref="Names"/>; the extractor's part is filled in by <see cref="Mark"/>).</summary>
    public sealed record Block(BlockKind Kind, string Text, int Element, bool IsHeadline, float[] Markup);

    /// <summary>The document-order number of every element of <paramref name="document"/>, taken before anything is
    /// removed: two parses of the same page number their elements alike, so a number names an element in both.</summary>
    public static Dictionary<IElement, int> Number(IDocument document)
    {
        var numbers = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
        if (document.DocumentElement is { } root)
        {
            numbers[root] = 0;
            foreach (var element in root.Descendants<IElement>())
            {
                numbers[element] = numbers.Count;
            }
        }

        return numbers;
    }

    /// <summary>What the extractor made of the page, by element numbers: the elements of the blocks it kept, the
    /// elements inside its container, the attempt that won (0 strictest; <see cref="NoAttempt"/> when none found an
    /// article).</summary>
    public sealed record ExtractorChoice(HashSet<int> Kept, HashSet<int> Inside, int Attempt);

    /// <summary>The attempt number of a page where no attempt found an article.</summary>
    public const int NoAttempt = 4;

    /// <summary>Fills in what the extractor made of each block.</summary>
    public static void Mark(List<Block> blocks, ExtractorChoice choice)
    {
        var total = blocks.Sum(b => b.Text.Length);
        var keptChars = blocks.Where(b => choice.Kept.Contains(b.Element)).Sum(b => b.Text.Length);
        foreach (var block in blocks)
        {
            block.Markup[0] = choice.Kept.Contains(block.Element) ? 1 : 0;
            block.Markup[1] = choice.Inside.Contains(block.Element) ? 1 : 0;
            block.Markup[2] = choice.Attempt;
            block.Markup[3] = total == 0 ? 0 : (float)keptChars / total;
        }
    }

    /// <summary>The blocks of <paramref name="body"/> (never-content already removed; nothing else), with their facts;
    /// the extractor's part is left for <see cref="Mark"/>.</summary>
    public static List<Block> Read(IElement body, Dictionary<IElement, int> numbers, string? title, string? headline, string? articleBody)
    {
        var raw = BlockWriter.Write(body);
        var stats = new TextStats(body);
        var linkLists = new Dictionary<IElement, bool>(ReferenceEqualityComparer.Instance);
        var total = raw.Sum(b => b.Text.Length);

        var bodyWords = articleBody is null ? null : new HashSet<string>(Words(articleBody), StringComparer.OrdinalIgnoreCase);
        var headlineAt = BlockFilter.Headline(raw, title, headline, raw.Count);

        var blocks = new List<Block>(raw.Count);
        var above = 0;
        for (var i = 0; i < raw.Count; i++)
        {
            var b = raw[i];
            var f = new float[Names.Length];
            var number = numbers.GetValueOrDefault(b.Source, -1);
            var k = 4; // the extractor's four: Mark
            f[k++] = b.Text.Length == 0 ? 0 : (float)b.LinkChars / b.Text.Length;
            f[k++] = b.Kind == BlockKind.Heading && b.Source.TagName.Length == 2 ? b.Source.TagName[1] - '0' : 0;
            f[k++] = b.Kind == BlockKind.ListItem ? 1 : 0;
            f[k++] = b.Kind == BlockKind.TableRow ? 1 : 0;
            f[k++] = b.Kind is BlockKind.Quote or BlockKind.Preformatted ? 1 : 0;
            var regions = Regions(b.Source);
            f[k++] = regions.Navigation ? 1 : 0;
            f[k++] = regions.Aside ? 1 : 0;
            f[k++] = regions.Footer ? 1 : 0;
            f[k++] = regions.Header ? 1 : 0;
            f[k++] = regions.Form ? 1 : 0;
            f[k++] = regions.Figure ? 1 : 0;
            f[k++] = regions.Article ? 1 : 0;
            f[k++] = regions.Main ? 1 : 0;
            f[k++] = regions.Hidden ? 1 : 0;
            f[k++] = regions.Role ? 1 : 0;
            f[k++] = regions.Unlikely;
            f[k++] = regions.Furniture;
            f[k++] = regions.Weight / 25f;
            f[k++] = regions.Depth;
            f[k++] = total == 0 ? 0 : (float)above / total;
            f[k++] = headlineAt < 0 ? 0 : i < headlineAt ? -1 : i == headlineAt ? 0 : 1;
            f[k++] = bodyWords is null ? -1 : Share(b.Text, bodyWords);
            f[k++] = InLinkList(b.Source, stats, linkLists) ? 1 : 0;
            f[k++] = MathF.Log(1 + (b.Source.ParentElement is { } parent ? stats.Text(parent) : 0));
            above += b.Text.Length;
            blocks.Add(new Block(b.Kind, b.Text, number, i == headlineAt, f));
        }

        return blocks;
    }

    private readonly record struct RegionFacts(
        bool Navigation, bool Aside, bool Footer, bool Header, bool Form, bool Figure, bool Article, bool Main, bool Hidden,
        bool Role, int Unlikely, int Furniture, int Weight, int Depth);

    private static RegionFacts Regions(IElement element)
    {
        bool nav = false, aside = false, footer = false, header = false, form = false, figure = false, article = false;
        bool main = false, hidden = false, role = false;
        int unlikely = 0, furniture = 0, weight = 0, depth = 0;
        for (var node = element; node is not null && node.TagName != "HTML"; node = node.ParentElement)
        {
            depth++;
            switch (node.TagName)
            {
                case "NAV" or "MENU":
                    nav = true;
                    break;
                case "ASIDE":
                    aside = true;
                    break;
                case "FOOTER":
                    footer = true;
                    break;
                case "HEADER":
                    header = true;
                    break;
                case "FORM":
                    form = true;
                    break;
                case "FIGURE" or "FIGCAPTION":
                    figure = true;
                    break;
                case "ARTICLE":
                    article = true;
                    break;
                case "MAIN":
                    main = true;
                    break;
            }

            hidden |= HtmlArticleExtractor.IsHidden(node);
            role |= node.GetAttribute("role") is { } r && HtmlArticleExtractor.IsFurnitureRole(r);
            var names = ContentHints.Names(node);
            if (names.Length > 0)
            {
                unlikely += ContentHints.IsUnlikely(names) ? 1 : 0;
                furniture += ContentHints.IsFurniture(names) ? 1 : 0;
                weight += ContentHints.Weight(names);
            }
        }

        return new RegionFacts(nav, aside, footer, header, form, figure, article, main, hidden, role, unlikely, furniture, weight, depth);
    }

    // A list of three items or more, most of them mostly link text: a menu, a list of related stories, tags.
    private static bool InLinkList(IElement element, TextStats stats, Dictionary<IElement, bool> known)
    {
        var item = element.TagName == "LI" ? element : element.Closest("li");
        if (item?.ParentElement is not { } list)
        {
            return false;
        }

        if (!known.TryGetValue(list, out var isLinkList))
        {
            var linked = 0;
            foreach (var child in list.Children)
            {
                linked += stats.Text(child) > 0 && stats.LinkDensity(child) >= 0.5 ? 1 : 0;
            }

            known[list] = isLinkList = list.Children.Length >= 3 && linked * 2 >= list.Children.Length;
        }

        return isLinkList;
    }

    private static float Share(string text, HashSet<string> bodyWords)
    {
        int words = 0, found = 0;
        foreach (var word in Words(text))
        {
            words++;
            found += bodyWords.Contains(word) ? 1 : 0;
        }

        return words == 0 ? 0 : (float)found / words;
    }

    private static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}

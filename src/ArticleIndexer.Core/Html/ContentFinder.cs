using AngleSharp.Dom;

namespace ArticleIndexer.Core.Html;

/// <summary>
/// Chooses the element that holds the article, as Readability does: every paragraph-like element of 25 characters
/// or more scores 1 + its commas + one point per 100 characters (at most 3); its parent gets the score, its
/// grandparent half, and ancestors further up a third of it per level. An ancestor starts from its tag (<c>div</c>
/// +5, lists −3, headings −5) and its class/id weight (±25), and its total is scaled by 1 − its link density. The best
/// candidate wins, moved up to an ancestor when several near-best candidates share it, and its siblings join it
/// when they score close to it or are prose paragraphs themselves.
/// </summary>
internal static class ContentFinder
{
    private const int MinParagraph = 25;

    /// <summary>The chosen element holds at least this share of the page's prose (<see cref="Prose"/>). Dev F1 is flat
    /// from 0.35 to 0.6 (0.935–0.936, against 0.925 without the rule).</summary>
    private const double MinCoverage = 0.5;

    private static readonly HashSet<string> BlockChildren = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "ASIDE", "NAV", "H1", "H2", "H3", "H4", "H5", "H6", "UL", "OL",
        "DL", "BLOCKQUOTE", "PRE", "TABLE", "FIGURE", "FORM", "HR", "ADDRESS", "FIELDSET",
    };

    /// <summary>The element holding the article (a new <c>div</c> when siblings join the best candidate), or null when
    /// no element scores.</summary>
    public static IElement? Find(IElement body, TextStats stats, HtmlArticleExtractor.Strictness strictness, out Dictionary<IElement, double> scores)
    {
        scores = Score(body, stats, strictness.WeighClasses);
        if (scores.Count == 0)
        {
            return null;
        }

        foreach (var key in scores.Keys.ToArray())
        {
            scores[key] *= 1 - stats.LinkDensity(key);
        }

        var ranked = scores.OrderByDescending(kv => kv.Value).Take(5).ToArray();
        var top = ranked[0].Key;
        var topScore = ranked[0].Value;

        // Several near-best candidates inside one ancestor: the article is split across them.
        var alternatives = ranked.Skip(1).Where(kv => kv.Value / topScore >= 0.75).Select(kv => kv.Key).ToArray();
        if (alternatives.Length >= 3)
        {
            for (var parent = top.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
            {
                if (alternatives.Count(a => parent.Contains(a)) >= 3)
                {
                    top = parent;
                    topScore = scores.GetValueOrDefault(top, topScore);
                    break;
                }
            }
        }

        // Scores rising on the way up mean more content lurks beside the candidate.
        var lastScore = topScore;
        var threshold = lastScore / 3;
        for (var parent = top.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
        {
            if (!scores.TryGetValue(parent, out var parentScore))
            {
                continue;
            }

            if (parentScore < threshold)
            {
                break;
            }

            if (parentScore > lastScore)
            {
                top = parent;
                topScore = parentScore;
                break;
            }

            lastScore = parentScore;
        }

        while (top.ParentElement is { } only && only != body && only.Children.Length == 1)
        {
            top = only;
            topScore = scores.GetValueOrDefault(top, topScore);
        }

        // Readability's weak spot: one dense paragraph (a disclaimer, a long caption) can outscore an article split
        // into many short sections. The article holds most of the page's prose, so climb until the candidate does.
        var prose = Prose(body, stats);
        var total = prose.GetValueOrDefault(body);
        while (top != body && top.ParentElement is { } up && prose.GetValueOrDefault(top) < MinCoverage * total)
        {
            top = up;
            topScore = Math.Max(topScore, scores.GetValueOrDefault(top));
        }

        return WithSiblings(top, topScore, scores, stats);
    }

    // Characters of prose under each element: paragraph-like elements of 25 characters or more whose text is
    // mostly not links, counted in every ancestor up to the body.
    internal static Dictionary<IElement, int> Prose(IElement body, TextStats stats)
    {
        var prose = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
        foreach (var element in body.Descendants<IElement>())
        {
            if (!IsParagraphLike(element) || stats.Text(element) < MinParagraph || stats.LinkDensity(element) >= 0.33)
            {
                continue;
            }

            var length = stats.Text(element);
            for (IElement? node = element; node is not null; node = node.ParentElement)
            {
                prose[node] = prose.GetValueOrDefault(node) + length;
                if (node == body)
                {
                    break;
                }
            }
        }

        return prose;
    }

    private static Dictionary<IElement, double> Score(IElement body, TextStats stats, bool weighClasses)
    {
        var scores = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance);
        foreach (var element in body.Descendants<IElement>())
        {
            if (!IsParagraphLike(element))
            {
                continue;
            }

            var length = stats.Text(element);
            if (length < MinParagraph)
            {
                continue;
            }

            var score = 1.0 + stats.Commas(element) + Math.Min(length / 100, 3);
            var level = 0;
            for (var ancestor = element.ParentElement; ancestor is not null && level < 5; ancestor = ancestor.ParentElement, level++)
            {
                if (!scores.TryGetValue(ancestor, out var current))
                {
                    current = Initial(ancestor, weighClasses);
                }

                var divider = level switch { 0 => 1, 1 => 2, _ => level * 3 };
                scores[ancestor] = current + score / divider;
                if (ancestor == body)
                {
                    break;
                }
            }
        }

        return scores;
    }

    private static bool IsParagraphLike(IElement element) => element.TagName switch
    {
        "P" or "PRE" or "TD" => true,
        "DIV" or "SECTION" or "SPAN" => !element.Children.Any(c => BlockChildren.Contains(c.TagName)) && element.ParentElement?.TagName != "P",
        _ => false,
    };

    private static double Initial(IElement element, bool weighClasses)
    {
        var score = element.TagName switch
        {
            "DIV" => 5,
            "PRE" or "TD" or "BLOCKQUOTE" => 3,
            "ADDRESS" or "OL" or "UL" or "DL" or "DD" or "DT" or "LI" or "FORM" => -3,
            "H1" or "H2" or "H3" or "H4" or "H5" or "H6" or "TH" => -5,
            _ => 0,
        };
        return score + (weighClasses ? ContentHints.Weight(ContentHints.Names(element)) : 0);
    }

    private static IElement WithSiblings(IElement top, double topScore, Dictionary<IElement, double> scores, TextStats stats)
    {
        var parent = top.ParentElement;
        if (parent is null)
        {
            return top;
        }

        var threshold = Math.Max(10, topScore * 0.2);
        var topClass = top.GetAttribute("class");
        var joined = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (sibling == top)
            {
                joined.Add(sibling);
                continue;
            }

            var bonus = topClass is { Length: > 0 } && sibling.GetAttribute("class") == topClass ? topScore * 0.2 : 0;
            if (scores.TryGetValue(sibling, out var score) && score + bonus >= threshold)
            {
                joined.Add(sibling);
            }
            else if (sibling.TagName == "P")
            {
                var length = stats.Text(sibling);
                var density = stats.LinkDensity(sibling);
                if ((length > 80 && density < 0.25)
                    || (length is > 0 and <= 80 && density == 0 && EndsSentence(sibling.TextContent)))
                {
                    joined.Add(sibling);
                }
            }
        }

        if (joined.Count == 1)
        {
            return top;
        }

        var wrapper = top.Owner!.CreateElement("div");
        foreach (var element in joined)
        {
            wrapper.AppendChild(element);
        }

        return wrapper;
    }

    private static bool EndsSentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Contains(". ", StringComparison.Ordinal) || trimmed.EndsWith('.');
    }

    /// <summary>
    /// Readability's <c>_cleanConditionally</c>: inside the article, removes lists, tables, forms and <c>div</c>s that
    /// look like furniture: a negative class, more list items than paragraphs outside a list, more form fields than
    /// a third of the paragraphs, many images and few paragraphs, or much link text for little prose (more than 20 %
    /// of the text, 50 % for an element with a positive class). Elements with 10 commas or more are prose and stay.
    /// Innermost elements are judged first.
    /// </summary>
    public static void CleanConditionally(IElement container, TextStats stats, HtmlArticleExtractor.Strictness strictness, Dictionary<IElement, double> scores)
    {
        var candidates = container.Descendants<IElement>()
            .Where(e => e.TagName is "FORM" or "FIELDSET" or "TABLE" or "UL" or "OL" or "DIV" or "SECTION" or "HEADER" or "DL")
            .Reverse()
            .ToArray();
        foreach (var element in candidates)
        {
            if (element.ParentElement is null || !container.Contains(element))
            {
                continue;
            }

            if (ShouldRemove(element, stats, strictness.WeighClasses, scores.GetValueOrDefault(element)))
            {
                element.Remove();
            }
        }
    }

    private static bool ShouldRemove(IElement element, TextStats stats, bool weighClasses, double score)
    {
        // Prose outweighs a name: page builders call every box a "widget" (negative for Readability).
        var density = stats.LinkDensity(element);
        if (stats.Commas(element) >= 10 || (stats.Text(element) >= 500 && stats.Paragraphs(element) >= 3 && density < 0.25))
        {
            return false;
        }

        var weight = weighClasses ? ContentHints.Weight(ContentHints.Names(element)) : 0;
        if (weight + score < 0)
        {
            return true;
        }

        if (element.TagName == "TABLE" && IsDataTable(element))
        {
            return false;
        }

        var isList = element.TagName is "UL" or "OL" or "DL";
        var paragraphs = stats.Paragraphs(element);
        int images = 0, items = 0, inputs = 0, headingChars = 0;
        foreach (var inner in element.Descendants<IElement>())
        {
            switch (inner.TagName)
            {
                case "IMG":
                    images++;
                    break;
                case "LI":
                    items++;
                    break;
                case "INPUT":
                    inputs++;
                    break;
                case "H1" or "H2" or "H3" or "H4" or "H5" or "H6":
                    headingChars += stats.Text(inner);
                    break;
            }
        }

        var length = stats.Text(element);
        var headingDensity = length == 0 ? 0 : (double)headingChars / length;
        return (images > 1 && (double)paragraphs / images < 0.5)
               || (!isList && items - 100 > paragraphs)
               || inputs > paragraphs / 3
               || (!isList && headingDensity < 0.9 && length < 25 && (images == 0 || images > 2) && density > 0)
               || (!isList && weight < 25 && density > 0.2)
               || (weight >= 25 && density > 0.5);
    }

    private static bool IsDataTable(IElement table) =>
        table.QuerySelector("th, caption, thead") is not null || table.QuerySelectorAll("td").Length >= 10;
}

using AngleSharp.Dom;

namespace ArticleIndexer.Core.Html;

/// <summary>
/// Text measures of every element of a subtree, computed once, bottom-up: visible characters (white space runs
/// counted as one), characters inside links, commas, and paragraphs. Readability recomputes them per question, which
/// is quadratic in the depth of the page.
/// </summary>
internal sealed class TextStats
{
    private readonly Dictionary<IElement, Counts> counts = new(ReferenceEqualityComparer.Instance);

    /// <summary>Measures <paramref name="root"/>'s subtree.</summary>
    public TextStats(IElement root) => Measure(root, inLink: false);

    private readonly record struct Counts(int Text, int Links, int Commas, int Paragraphs);

    /// <summary>Visible characters of <paramref name="element"/> (0 for one not measured).</summary>
    public int Text(IElement element) => counts.TryGetValue(element, out var c) ? c.Text : 0;

    /// <summary>Characters inside links.</summary>
    public int Links(IElement element) => counts.TryGetValue(element, out var c) ? c.Links : 0;

    /// <summary>Commas, Readability's measure of prose.</summary>
    public int Commas(IElement element) => counts.TryGetValue(element, out var c) ? c.Commas : 0;

    /// <summary>Paragraph elements (<c>p</c>) inside.</summary>
    public int Paragraphs(IElement element) => counts.TryGetValue(element, out var c) ? c.Paragraphs : 0;

    /// <summary>Share of the text inside links, 0 for an element without text.</summary>
    public double LinkDensity(IElement element)
    {
        var text = Text(element);
        return text == 0 ? 0 : (double)Links(element) / text;
    }

    private Counts Measure(IElement element, bool inLink)
    {
        var isLink = inLink || element.TagName == "A";
        int text = 0, links = 0, commas = 0, paragraphs = element.TagName == "P" ? 1 : 0;
        foreach (var child in element.ChildNodes)
        {
            if (child is IText t)
            {
                var (length, c) = Visible(t.Data);
                text += length;
                commas += c;
                if (isLink)
                {
                    links += length;
                }
            }
            else if (child is IElement e)
            {
                var inner = Measure(e, isLink);
                text += inner.Text;
                links += inner.Links;
                commas += inner.Commas;
                paragraphs += inner.Paragraphs;
            }
        }

        var counted = new Counts(text, links, commas, paragraphs);
        counts[element] = counted;
        return counted;
    }

    private static (int Length, int Commas) Visible(string data)
    {
        int length = 0, commas = 0;
        var space = true;
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space)
                {
                    length++;
                    space = true;
                }
            }
            else
            {
                length++;
                space = false;
                if (c is ',' or '，' or '、')
                {
                    commas++;
                }
            }
        }

        return (length, commas);
    }
}

using System.Text;
using AngleSharp.Dom;

namespace ArticleIndexer.Core.Html;

/// <summary>
/// Turns an element's subtree into <see cref="ContentBlock"/>s: every block-level element (paragraph, heading, list
/// item, quotation, table row, <c>div</c> with text of its own) starts a new block, <c>&lt;br&gt;</c> too, and inline
/// elements run on. White space collapses as a browser collapses it, except inside <c>&lt;pre&gt;</c>. Each block
/// knows how much of its text is link text, for the extractor's link-density test.
/// </summary>
internal sealed class BlockWriter
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "ASIDE", "NAV", "H1", "H2", "H3", "H4", "H5", "H6",
        "UL", "OL", "LI", "DL", "DT", "DD", "BLOCKQUOTE", "PRE", "TABLE", "THEAD", "TBODY", "TFOOT", "TR", "CAPTION", "FIGURE",
        "FIGCAPTION", "HR", "ADDRESS", "DETAILS", "SUMMARY", "CENTER", "FORM", "FIELDSET", "LEGEND", "HGROUP", "BODY",
    };

    private readonly List<RawBlock> blocks = [];
    private readonly StringBuilder current = new();
    private int currentLinkChars;
    private BlockKind currentKind = BlockKind.Paragraph;
    private IElement? currentElement;

    /// <summary>A block as written, with the element it came from and its link characters.</summary>
    public readonly record struct RawBlock(BlockKind Kind, string Text, int LinkChars, IElement Source);

    /// <summary>The blocks of <paramref name="root"/>'s subtree, in document order.</summary>
    public static IReadOnlyList<RawBlock> Write(IElement root)
    {
        var writer = new BlockWriter();
        writer.currentElement = root;
        writer.Walk(root, BlockKind.Paragraph, inLink: false, inPre: false);
        writer.Flush();
        return writer.blocks;
    }

    private void Walk(INode node, BlockKind kind, bool inLink, bool inPre)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    Append(text.Data, inLink, inPre);
                    break;
                case IElement element:
                    WalkElement(element, kind, inLink, inPre);
                    break;
            }
        }
    }

    private void WalkElement(IElement element, BlockKind kind, bool inLink, bool inPre)
    {
        var tag = element.TagName;
        if (tag == "BR")
        {
            if (inPre)
            {
                current.Append('\n');
            }
            else
            {
                Flush();
            }

            return;
        }

        if (tag is "TD" or "TH")
        {
            AppendSeparator();
            Walk(element, kind, inLink, inPre);
            AppendSeparator();
            return;
        }

        if (!BlockTags.Contains(tag))
        {
            Walk(element, kind, inLink || tag == "A", inPre || tag == "PRE");
            return;
        }

        Flush();
        var own = tag switch
        {
            "H1" or "H2" or "H3" or "H4" or "H5" or "H6" => BlockKind.Heading,
            "LI" or "DT" or "DD" => BlockKind.ListItem,
            "BLOCKQUOTE" => BlockKind.Quote,
            "PRE" => BlockKind.Preformatted,
            "TR" => BlockKind.TableRow,
            _ => kind == BlockKind.Heading ? BlockKind.Paragraph : kind,
        };
        var outer = (currentKind, currentElement);
        currentKind = own;
        currentElement = element;
        Walk(element, own, inLink, inPre || tag == "PRE");
        Flush();
        (currentKind, currentElement) = outer;
    }

    private void Append(string data, bool inLink, bool inPre)
    {
        var before = current.Length;
        if (inPre)
        {
            current.Append(data);
        }
        else
        {
            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c) || c == '\u200B')
                {
                    if (current.Length > 0 && current[^1] != ' ')
                    {
                        current.Append(' ');
                    }
                }
                else
                {
                    current.Append(c);
                }
            }
        }

        if (inLink)
        {
            currentLinkChars += current.Length - before;
        }
    }

    private void AppendSeparator()
    {
        if (current.Length > 0 && current[^1] != ' ')
        {
            current.Append(' ');
        }
    }

    private void Flush()
    {
        if (current.Length == 0)
        {
            return;
        }

        var text = currentKind == BlockKind.Preformatted ? current.ToString().Trim('\n', '\r') : current.ToString().Trim();
        if (text.Length > 0)
        {
            blocks.Add(new RawBlock(currentKind, text, Math.Min(currentLinkChars, text.Length), currentElement!));
        }

        current.Clear();
        currentLinkChars = 0;
    }
}

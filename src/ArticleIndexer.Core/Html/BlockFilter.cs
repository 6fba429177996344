
namespace ArticleIndexer.Core.Html;

/// <summary>
/// The last look at the article's blocks: the headline leaves the body (it is the title), and so does what stands
/// above it in the container (breadcrumbs, kicker, date line).
/// </summary>
internal static class BlockFilter
{
    /// <summary>How far into the article the headline is looked for, in blocks.</summary>
    private const int HeadlineReach = 8;

    /// <summary>The blocks to keep, as <see cref="ContentBlock"/>s.</summary>
    public static IReadOnlyList<ContentBlock> Keep(IReadOnlyList<BlockWriter.RawBlock> blocks, string? title, string? headline) =>
        Keep(blocks, Start(blocks, title, headline));

    /// <summary>The first block to keep: the one after the headline, when the headline is among the first blocks.</summary>
    public static int Start(IReadOnlyList<BlockWriter.RawBlock> blocks, string? title, string? headline) =>
        Headline(blocks, title, headline, HeadlineReach) + 1;

    /// <summary>The index of the first of the first <paramref name="reach"/> blocks whose text is the title or the
    /// headline (letters and digits alike), or -1.</summary>
    public static int Headline(IReadOnlyList<BlockWriter.RawBlock> blocks, string? title, string? headline, int reach)
    {
        var titleKey = Key(title);
        var headlineKey = Key(headline);
        for (var i = 0; i < Math.Min(blocks.Count, reach); i++)
        {
            var key = Key(blocks[i].Text);
            if (key.Length > 0 && (key == titleKey || key == headlineKey))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The blocks from <paramref name="start"/> on, as <see cref="ContentBlock"/>s.</summary>
    public static IReadOnlyList<ContentBlock> Keep(IReadOnlyList<BlockWriter.RawBlock> blocks, int start)
    {
        var kept = new List<ContentBlock>(blocks.Count - start);
        for (var i = start; i < blocks.Count; i++)
        {
            kept.Add(new ContentBlock(blocks[i].Kind, blocks[i].Text));
        }

        return kept;
    }

    // Letters and digits, lower-cased: "Calais: the camp" equals "CALAIS — The camp".
    private static string Key(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var chars = new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                chars[n++] = char.ToLowerInvariant(c);
            }
        }

        return new string(chars, 0, n);
    }
}

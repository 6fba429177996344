namespace ArticleIndexer.Core.Html;

/// <summary>What a block of extracted text was in the page.</summary>
public enum BlockKind
{
    /// <summary>A paragraph, or text directly in a container.</summary>
    Paragraph,

    /// <summary>A heading (<c>h1</c>–<c>h6</c>).</summary>
    Heading,

    /// <summary>A list item, or a definition term or description.</summary>
    ListItem,

    /// <summary>A quotation.</summary>
    Quote,

    /// <summary>Preformatted text (code, verse).</summary>
    Preformatted,

    /// <summary>A table row, its cells separated by spaces.</summary>
    TableRow,
}

/// <summary>One block of the article: a paragraph, heading, list item, quotation or table row, as one line of text.</summary>
/// <param name="Kind">What it was in the page.</param>
/// <param name="Text">Its text, white space collapsed, never empty.</param>
public readonly record struct ContentBlock(BlockKind Kind, string Text);

/// <summary>
/// The article found in a web page: its blocks in page order, without the headline (that is in
/// <see cref="PageMetadata.Title"/>), and the page's metadata. <see cref="NoArticle"/> says why a page yielded no
/// block (no body, nothing but navigation); null when it has one.
/// </summary>
public sealed record HtmlExtraction(PageMetadata Metadata, IReadOnlyList<ContentBlock> Blocks, string? NoArticle)
{
    /// <summary>When the page model decided: every line of the page's blocks it kept (the article, as
    /// <see cref="Blocks"/>) and dropped, each with its rule (<c>page-model</c> when only the model dropped it), line
    /// numbers counted in the page's blocks as text, one block a line and blank lines between them. The text stage
    /// does not clean such an article again. Null when the rules alone extracted it.</summary>
    public Boilerplate.StrippedText? Cleaned { get; init; }

    /// <summary>What the markup says of the article (published and updated days, authors, site), each value with
    /// where it was read ("markup: JSON-LD datePublished"); null when the page was not read by the extractor.
    /// <see cref="WebPageMetadata.Find"/> completes it from the page's text.</summary>
    public Metadata.ArticleMetadata? Facts { get; init; }

    /// <summary>True when the markup's published day was set aside because the page shows only its update
    /// (<see cref="WebPageMetadata.Settle"/>): the page's text is then not asked for another date either.</summary>
    public bool PublishedSetAside { get; init; }

    /// <summary>The blocks as plain text: one line a block, blocks separated by a blank line, as a <c>.txt</c> article.</summary>
    public string Text => string.Join("\n\n", Blocks.Select(b => b.Text));
}

using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Entities;

namespace ArticleIndexer.Core.Articles;

/// <summary>
/// An article after every stage: what the index stores for one file.
/// </summary>
/// <param name="File">Where it came from.</param>
/// <param name="Encoding">The encoding the file was decoded with (<c>utf-8</c>, <c>utf-16le</c>, <c>windows-1252</c>, ...).</param>
/// <param name="ContentHash">SHA-256 of the file's bytes, lower-case hex.</param>
/// <param name="Title">The headline, or null when the file has none.</param>
/// <param name="Body">The cleaned article text: paragraphs separated by a blank line, without the title.</param>
/// <param name="Stripped">The lines removed as boilerplate, each with its reason.</param>
/// <param name="Entities">Persons, places and organisations, with their mentions (offsets into <paramref name="Body"/>).</param>
/// <param name="LineKeys">The sorted distinct <see cref="LineRepeats.Key"/>s of the file's lines (kept and stripped), counted
/// across the archive to find the lines a site repeats in every article.</param>
public sealed record Article(
    ArticleFile File,
    string Encoding,
    string ContentHash,
    string? Title,
    string Body,
    IReadOnlyList<StrippedLine> Stripped,
    EntitySet Entities,
    IReadOnlyList<ulong> LineKeys)
{
    /// <summary>The article's id.</summary>
    public ArticleId Id => File.Id;

    /// <summary>What a web page said about its article (author, date, address, site, language); null for a text file.</summary>
    public Html.PageMetadata? Page { get; init; }

    /// <summary>What the article says of itself: its published and updated days, authors and site, each with where it
    /// was read. A text file's come from its lines; a web page's from its markup ("markup: JSON-LD datePublished"),
    /// completed from the page's text ("text: line 12: byline") where the markup is silent. Null only for an article
    /// built without the metadata stage.</summary>
    public Metadata.ArticleMetadata? Metadata { get; init; }

    /// <summary>The text people read and entity offsets point into: the title, a blank line, the body.</summary>
    public string Text => ComposeText(Title, Body);

    /// <summary>The article text of <paramref name="title"/> and <paramref name="body"/>: the title, a blank line, the body; the body alone without a title.</summary>
    public static string ComposeText(string? title, string body) => title is null ? body : title + "\n\n" + body;
}

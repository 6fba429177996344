using ArticleIndexer.Core.Articles;
using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Html;
using ArticleIndexer.Core.Metadata;
using ArticleIndexer.Core.Normalization;
using ArticleIndexer.Core.Reading;
using ArticleIndexer.Core.Titles;

namespace ArticleIndexer.Core.Pipeline;

/// <summary>
/// Runs the text stages on one file: read → normalise → strip boilerplate → find the title → extract entities.
/// Holds no state between articles, so one instance serves a whole pass (and, later, several threads).
/// </summary>
public sealed class ArticleProcessor(
    ArticleReader reader,
    TextNormalizer normalizer,
    IBoilerplateStripper stripper,
    TitleFinder titleFinder,
    IEntityExtractor entityExtractor)
{
    private readonly HtmlPageReader pageReader = new(reader.MaxBytes);
    private readonly HtmlArticleExtractor extractor = new();
    private MetadataFinder metadataFinder = new();

    /// <summary>The version of the rules below. Bump it when cleaning, title or entity rules change: documents built
    /// by another version are rebuilt on the next pass even when their file did not change.</summary>
    public const string Version = "18";

    /// <summary>
    /// The longest text, in characters, entities are extracted from: beyond it, only its first part (cut at a line
    /// break or space). A news article is a few thousand characters; a file of megabytes is a dump, and the tagger's
    /// memory grows with the text (about 110 bytes a character: 2.1 GB for one 20 MB line). The whole text is still
    /// cleaned and indexed for search, and the article gets a note. Defaults to 1,000,000.
    /// </summary>
    public const int MaxEntityTextLength = 1_000_000;

    /// <summary>A processor with the product's default stages.</summary>
    public ArticleProcessor()
        : this(ArticleReader.DefaultMaxBytes)
    {
    }

    /// <summary>A processor with the product's default stages that skips files over <paramref name="maxFileBytes"/>.</summary>
    public ArticleProcessor(long maxFileBytes)
        : this(new ArticleReader(maxFileBytes), new TextNormalizer(), new LineBoilerplateStripper(), new TitleFinder(), new TaggedEntityExtractor())
    {
    }

    /// <summary>A processor with the product's default stages that skips files over <paramref name="maxFileBytes"/> and
    /// reads dates with <paramref name="metadata"/>'s settings (a weekday's year window, the file's time).</summary>
    public ArticleProcessor(long maxFileBytes, MetadataFinderOptions metadata)
        : this(maxFileBytes)
    {
        metadataFinder = new MetadataFinder(metadata);
    }

    /// <summary>The size cap of the reader: files over it are skipped as <see cref="SkipReason.TooLarge"/>.</summary>
    public long MaxFileBytes => reader.MaxBytes;


    /// <summary>Reads <paramref name="file"/> from disk: a web page (<see cref="HtmlPageReader.IsHtml"/>) as markup, any other file as text.</summary>
    public ReadResult Read(ArticleFile file) => HtmlPageReader.IsHtml(file.FullPath) ? pageReader.Read(file) : reader.Read(file);

    /// <summary>The article of a web page that was read (<see cref="ReadResult.IsHtml"/>); null for any other file and
    /// for a file that was not read. What <see cref="CleanerText(ReadResult, HtmlExtraction)"/> and
    /// <see cref="Process(ReadResult, LineRepeats, HtmlExtraction)"/> take, so a caller that needs both extracts once.</summary>
    public HtmlExtraction? ExtractPage(ReadResult read) =>
        read.IsHtml && read.Decoded is { } decoded ? extractor.Extract(decoded.Text) : null;

    /// <summary>The text the cleaner sees for a file that was read: a web page's extracted article (blocks as
    /// lines, no headline), the decoded text of any other file; null when it was not read or a page has no article.</summary>
    public string? CleanerText(ReadResult read) => CleanerText(read, null);

    /// <summary>As <see cref="CleanerText(ReadResult)"/>, with a web page's article as <see cref="ExtractPage"/>
    /// extracted it from this <paramref name="read"/>; null to extract it here (and for any other file).</summary>
    public string? CleanerText(ReadResult read, HtmlExtraction? page) =>
        read.Decoded is not { } decoded ? null
        : read.IsHtml ? (page ?? extractor.Extract(decoded.Text)) is { NoArticle: null } article ? article.Text : null
        : decoded.Text;

    /// <summary>Turns a file that was read into an article, or says why it has none.</summary>
    /// <param name="read">The file as read.</param>
    /// <param name="repeats">How many articles of the archive contain each line (from the previous pass, or from a
    /// first look at every input); null when unknown, and then no line is dropped for repeating.</param>
    /// <param name="page">A web page's article as <see cref="ExtractPage"/> extracted it from this
    /// <paramref name="read"/>; null to extract it here (and for any other file).</param>
    public ArticleOutcome Process(ReadResult read, LineRepeats? repeats = null, HtmlExtraction? page = null)
    {
        if (read.Decoded is not { } decoded)
        {
            return ArticleOutcome.Skipped(read.File, read.Skip ?? SkipReason.Unreadable, read.Detail ?? "unreadable");
        }

        var text = decoded.Text;
        if (!read.IsHtml)
        {
            page = null;
        }
        else
        {
            page ??= extractor.Extract(decoded.Text);
            if (page.NoArticle is { } why)
            {
                return ArticleOutcome.Skipped(read.File, SkipReason.NoArticleInPage, why) with { Encoding = decoded.EncodingName, Notes = read.Notes };
            }

            text = page.Text;
        }

        // A web page the page model cleaned is not cleaned again: it judged every line of the page, with the line
        // rules' verdicts among what it read.
        var normalized = normalizer.Normalize(text);
        var stripped = page?.Cleaned ?? stripper.Strip(normalized, repeats ?? LineRepeats.Empty);
        var titled = TitleOf(stripped, page, repeats ?? LineRepeats.Empty);
        if (titled.Body.Length == 0)
        {
            return ArticleOutcome.Skipped(read.File, SkipReason.NoBodyAfterStripping,
                $"all {stripped.Dropped.Count} non-blank lines were boilerplate") with
            {
                Encoding = decoded.EncodingName,
                Stripped = stripped.Dropped,
                Notes = read.Notes,
            };
        }

        // A read-later tool that saved the wrong part of a page leaves labels and figures, not an article.
        if (page is null && LineBoilerplateStripper.NoArticle(stripped) is { } notArticle)
        {
            return ArticleOutcome.Skipped(read.File, SkipReason.NoArticleInFile, notArticle) with
            {
                Encoding = decoded.EncodingName,
                Stripped = stripped.Dropped,
                Notes = read.Notes,
            };
        }

        // Photo captions are not article text, but who and what is in the photo is what the article is about:
        // their entities count, with offsets past the end of the article text.
        var articleText = Article.ComposeText(titled.Title, titled.Body);
        var captions = stripped.Dropped.Select(BoilerplateRules.Caption).OfType<string>();
        var notes = read.Notes;
        var forEntities = string.Concat(captions.Select(c => "\n\n" + c).Prepend(articleText));
        if (forEntities.Length > MaxEntityTextLength)
        {
            forEntities = Prefix(forEntities, MaxEntityTextLength);
            notes = [.. notes, $"entities from the first {forEntities.Length:N0} of its {articleText.Length:N0} characters only"];
        }

        var entities = entityExtractor.Extract(forEntities);
        // The lines the title stage took out of the body (the page's header above the headline) are dropped lines too.
        var dropped = titled.Moved.Count == 0 ? stripped.Dropped
            : [.. stripped.Dropped.Concat(titled.Moved).OrderBy(line => line.LineNumber)];
        var article = new Article(read.File, decoded.EncodingName, read.ContentHash!, titled.Title, titled.Body, dropped, entities,
            LineRepeats.KeysOf(normalized.Text))
        {
            Page = page?.Metadata,
            Metadata = metadataFinder.WithFileTime(
                page is null ? metadataFinder.Find(normalized, stripped, read.File.RelativePath) : WebPageMetadata.Find(page, metadataFinder, read.File.RelativePath),
                read.File.LastWriteUtc) with
            {
                TitleFrom = titled.TitleFrom,
            },
        };
        return ArticleOutcome.Built(article, normalized.MojibakeRepairs, notes);
    }

    // The text up to the last line break (else space) before `length`, so no word or mention is cut in two.
    private static string Prefix(string text, int length)
    {
        var cut = text.LastIndexOf('\n', length - 1, Math.Min(length, 4096));
        if (cut <= 0)
        {
            cut = text.LastIndexOf(' ', length - 1, Math.Min(length, 4096));
        }

        return text[..(cut > 0 ? cut : length)];
    }

    // A web page names its headline in its markup and the extractor left it out of the text, so every kept line is
    // body; a page that names none, and every text file, gets its title from its lines, kept or dropped (the
    // headline line near the lead, which the cleaner often drops with the menus above it).
    private TitledText TitleOf(StrippedText stripped, HtmlExtraction? page, LineRepeats repeats) =>
        page?.Metadata.Title is { } title
            ? new TitledText(title, string.Join("\n\n", stripped.Kept.Select(line => line.Text)), "markup: the page's headline")
            : titleFinder.Find(stripped, repeats);
}

using ArticleIndexer.Core.Articles;
using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Html;
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
    /// <summary>The version of the rules below. Bump it when cleaning, title or entity rules change: documents built
    /// by another version are rebuilt on the next pass even when their file did not change.</summary>
    public const string Version = "5";

    /// <summary>A processor with the product's default stages.</summary>
    public ArticleProcessor()
        : this(new ArticleReader(), new TextNormalizer(), new LineBoilerplateStripper(), new TitleFinder(), new TaggedEntityExtractor())
    {
    }

    private readonly HtmlPageReader pageReader = new(reader.MaxBytes);
    private readonly HtmlArticleExtractor extractor = new();

    /// <summary>Reads <paramref name="file"/> from disk: a web page (<see cref="HtmlPageReader.IsHtml"/>) as markup, any other file as text.</summary>
    public ReadResult Read(ArticleFile file) => HtmlPageReader.IsHtml(file.FullPath) ? pageReader.Read(file) : reader.Read(file);

    /// <summary>The text the cleaner sees for a file that was read: a web page's extracted article (blocks as
    /// lines, no headline), the decoded text of any other file; null when it was not read or a page has no article.</summary>
    public string? CleanerText(ReadResult read) =>
        read.Decoded is not { } decoded ? null
        : read.IsHtml ? extractor.Extract(decoded.Text) is { NoArticle: null } page ? page.Text : null
        : decoded.Text;

    /// <summary>Turns a file that was read into an article, or says why it has none.</summary>
    /// <param name="read">The file as read.</param>
    /// <param name="repeats">How many articles of the archive contain each line (from the previous pass, or from a
    /// first look at every input); null when unknown, and then no line is dropped for repeating.</param>
    public ArticleOutcome Process(ReadResult read, LineRepeats? repeats = null)
    {
        if (read.Decoded is not { } decoded)
        {
            return ArticleOutcome.Skipped(read.File, read.Skip ?? SkipReason.Unreadable, read.Detail ?? "unreadable");
        }

        var text = decoded.Text;
        HtmlExtraction? page = null;
        if (read.IsHtml)
        {
            page = extractor.Extract(decoded.Text);
            if (page.NoArticle is { } why)
            {
                return ArticleOutcome.Skipped(read.File, SkipReason.NoArticleInPage, why) with { Encoding = decoded.EncodingName };
            }

            text = page.Text;
        }

        var normalized = normalizer.Normalize(text);
        var stripped = stripper.Strip(normalized, repeats ?? LineRepeats.Empty);
        var titled = TitleOf(stripped, page);
        if (titled.Body.Length == 0)
        {
            return ArticleOutcome.Skipped(read.File, SkipReason.NoBodyAfterStripping,
                $"all {stripped.Dropped.Count} non-blank lines were boilerplate") with
            {
                Encoding = decoded.EncodingName,
                Stripped = stripped.Dropped,
            };
        }

        // Photo captions are not article text, but who and what is in the photo is what the article is about:
        // their entities count, with offsets past the end of the article text.
        var articleText = Article.ComposeText(titled.Title, titled.Body);
        var captions = stripped.Dropped.Select(BoilerplateRules.Caption).OfType<string>();
        var entities = entityExtractor.Extract(string.Concat(captions.Select(c => "\n\n" + c).Prepend(articleText)));
        var article = new Article(read.File, decoded.EncodingName, read.ContentHash!, titled.Title, titled.Body, stripped.Dropped, entities,
            LineRepeats.KeysOf(normalized.Text))
        {
            Page = page?.Metadata,
        };
        return ArticleOutcome.Built(article, normalized.MojibakeRepairs);
    }

    // A web page names its headline in its markup and the extractor left it out of the text, so every kept line is
    // body; a page that names none, and every text file, gets its title from the first line.
    private TitledText TitleOf(StrippedText stripped, HtmlExtraction? page) =>
        page?.Metadata.Title is { } title
            ? new TitledText(title, string.Join("\n\n", stripped.Kept.Select(line => line.Text)))
            : titleFinder.Find(stripped);
}

using System.IO.Compression;
using System.Text;
using ArticleIndexer.Core.Articles;
using ArticleIndexer.Core.Html;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Reading;
using ArticleIndexer.Core.Search;
using ArticleIndexer.Core.Tests.Support;

namespace ArticleIndexer.Core.Tests.Pipeline;

public class HtmlPipelineTests
{
    private const string Page = """
        <!DOCTYPE html><html lang="en-GB"><head><meta charset="windows-1252">
        <title>Fences go up at Coquelles | Kent Daily</title>
        <meta property="og:site_name" content="Kent Daily">
        <meta name="author" content="Ann Lee">
        <meta property="article:published_time" content="2015-07-30T09:00:00Z">
        <link rel="canonical" href="https://kent.example/2015/07/30/fences">
        </head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Fences go up at Coquelles</h1>
        <p>Workers began putting up new fences around the Channel Tunnel terminal at Coquelles on Thursday, the company said, after a week of attempts to board lorries.</p>
        <p>The Home Secretary, Theresa May, said Britain would pay for the fences, and that the caf&eacute; owners of Calais had asked for calm, according to officials in Paris.</p>
        </article><footer>Kent Daily, all rights reserved, contact us and our privacy policy.</footer></body></html>
        """;

    private readonly ArticlePipeline pipeline = new();

    [Fact]
    public void Run_IndexesAFolderMixingTextAndPages_WithThePagesMetadata()
    {
        using var temp = new TempFolder();
        var source = temp.CopySeeds();
        File.WriteAllBytes(Path.Combine(source, "fences.html"), Encoding.Latin1.GetBytes(Page));
        using (var gzip = new GZipStream(File.Create(Path.Combine(source, "fences-copy.html.gz")), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.Latin1.GetBytes(Page));
        }

        var summary = pipeline.Run(source, temp.Combine("index"));

        Assert.Null(summary.Error);
        Assert.Equal((7, 7, 0), (summary.Seen, summary.Indexed, summary.Skipped));
        using var searcher = ArticleSearcher.Open(temp.Combine("index")).Searcher!;
        var article = searcher.Get("fences.html")!;
        Assert.Equal("Fences go up at Coquelles", article.Title);
        Assert.StartsWith("Workers began putting up new fences", article.Body, StringComparison.Ordinal);
        Assert.Contains("café owners", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Home News", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("rights reserved", article.Body, StringComparison.Ordinal);
        Assert.Equal("windows-1252", article.Encoding);
        Assert.Equal(("Ann Lee", "2015-07-30T09:00:00Z", "https://kent.example/2015/07/30/fences", "Kent Daily", "en-GB"),
            (article.Page!.Author, article.Page.Published, article.Page.CanonicalUrl, article.Page.SiteName, article.Page.Language));
        Assert.Contains(article.Entities.Entities, e => e.Canonical == "Theresa May");
        Assert.Equal(article.Body, searcher.Get("fences-copy.html.gz")!.Body);
        Assert.Null(searcher.Get(Seeds.Kent)!.Page);
        Assert.Equal(2, searcher.Search(new SearchRequest { Query = "author:lee" }).Results!.Total);
    }

    [Fact]
    public void Process_SkipsAPageWithoutAnArticle_WithAReason()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("menu.htm");
        File.WriteAllText(path, "<html><body><nav><a href='/'>Home</a></nav><div><a href='/a'>A story</a> <a href='/b'>B story</a></div></body></html>");
        var processor = new ArticleProcessor();

        var outcome = processor.Process(processor.Read(new ArticleFile(path, "menu.htm", new FileInfo(path).Length, DateTime.UtcNow)));

        Assert.Null(outcome.Article);
        Assert.Equal(SkipReason.NoArticleInPage, outcome.Skip);
        Assert.Contains("reads as an article", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ProcessAndCleanerText_WithAPageAlreadyExtracted_UseItInsteadOfExtractingAgain()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("fences.html");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(Page));
        var processor = new ArticleProcessor();
        var read = processor.Read(new ArticleFile(path, "fences.html", new FileInfo(path).Length, DateTime.UtcNow));
        var extracted = processor.ExtractPage(read)!;
        // Not what the markup says, so only a processor that took it can give it back.
        const string Lorries = "Lorries queued at Folkestone for a second day on Friday, the police said.";
        var given = extracted with
        {
            Blocks = [new ContentBlock(BlockKind.Paragraph, Lorries)],
            Cleaned = new ArticleIndexer.Core.Boilerplate.StrippedText([new ArticleIndexer.Core.Boilerplate.KeptLine(1, Lorries)], []),
        };

        var outcome = processor.Process(read, page: given);

        Assert.StartsWith("Workers began putting up new fences", processor.Process(read).Article!.Body, StringComparison.Ordinal);
        Assert.Equal("Lorries queued at Folkestone for a second day on Friday, the police said.", outcome.Article!.Body);
        Assert.Equal(given.Text, processor.CleanerText(read, given));
        Assert.Equal(extracted.Text, processor.CleanerText(read));
    }

    [Theory]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02 }, SkipReason.Unreadable)]
    [InlineData(new byte[0], SkipReason.Empty)]
    public void Read_SaysWhyACompressedPageCannotBeRead(byte[] bytes, SkipReason reason)
    {
        using var temp = new TempFolder();
        var path = temp.Combine("bad.html.gz");
        File.WriteAllBytes(path, bytes);

        var read = new HtmlPageReader().Read(new ArticleFile(path, "bad.html.gz", bytes.Length, DateTime.UtcNow));

        Assert.Equal(reason, read.Skip);
    }

    [Fact]
    public void Read_RefusesAPageThatUnpacksPastTheCap()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("bomb.html.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.SmallestSize))
        {
            gzip.Write(new byte[200_000]);
        }

        var read = new HtmlPageReader(maxBytes: 100_000).Read(new ArticleFile(path, "bomb.html.gz", new FileInfo(path).Length, DateTime.UtcNow));

        Assert.Equal(SkipReason.TooLarge, read.Skip);
    }

    [Theory]
    [InlineData("a.txt", "a")]
    [InlineData("2015/july/calais.TXT", "2015/july/calais")]
    [InlineData("2015/july/calais.html", "2015/july/calais.html")]
    [InlineData("0001.html.gz", "0001.html.gz")]
    public void Ids_KeepTheExtensionOfPages_SoAPageBesideItsTextHasItsOwn(string path, string id) =>
        Assert.Equal(id, ArticleId.FromRelativePath(path).Value);
}

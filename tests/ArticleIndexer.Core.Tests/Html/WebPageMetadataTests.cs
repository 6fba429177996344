using ArticleIndexer.Core.Html;
using ArticleIndexer.Core.Metadata;

namespace ArticleIndexer.Core.Tests.Html;

/// <summary>A web page's metadata with the product's extractor: the markup's values checked against what the page
/// shows, and completed from its text.</summary>
public class WebPageMetadataTests
{
    private static string Page(string head, string dateLine) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><title>Calais camp cleared | The Paper</title><meta property="og:site_name" content="The Paper">{{head}}</head>
        <body>
          <header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
          <main>
            <article class="post">
              <h1>Calais camp cleared</h1>
              <p class="meta">{{dateLine}}</p>
              <div class="entry-content">
                <p>{{HtmlArticleExtractorTests.Paragraph1}}</p>
                <p>{{HtmlArticleExtractorTests.Paragraph2}}</p>
                <p>{{HtmlArticleExtractorTests.Paragraph3}}</p>
              </div>
            </article>
          </main>
          <footer><p>© The Paper. All rights reserved. Contact us, about us, and our privacy policy.</p></footer>
        </body></html>
        """;

    private const string Dated = """
        <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Calais camp cleared",
        "datePublished": "2016-10-24T06:00:00+02:00", "dateModified": "2016-11-02T10:00:00+01:00"}</script>
        """;

    private static (HtmlExtraction Page, ArticleMetadata Metadata) Extract(string html)
    {
        var page = new HtmlArticleExtractor().Extract(html);
        return (page, WebPageMetadata.Find(page, new MetadataFinder(), "page.html"));
    }

    [Fact]
    public void Find_KeepsTheMarkupsDay_WhenThePageShowsIt()
    {
        var (page, metadata) = Extract(Page(Dated, "24 October 2016"));

        Assert.Equal((new DateOnly(2016, 10, 24), "markup: JSON-LD datePublished"), (metadata.Published!.Value, metadata.PublishedFrom));
        Assert.Equal("2016-10-24T06:00:00+02:00", page.Metadata.Published);
    }

    [Fact]
    public void Find_SetsTheDayAside_WhenThePageShowsOnlyItsUpdate()
    {
        var (page, metadata) = Extract(Page(Dated, "Updated 2 November 2016"));

        Assert.Null(metadata.Published);
        Assert.Null(page.Metadata.Published);
        Assert.Equal(new DateOnly(2016, 11, 2), metadata.Updated);
    }

    [Fact]
    public void Find_TakesTheTextsDay_WhenTheMarkupsIsShownNowhere()
    {
        var (page, metadata) = Extract(Page(Dated, "Published 20 October 2016"));

        Assert.Equal(new DateOnly(2016, 10, 20), metadata.Published);
        Assert.StartsWith("text: line ", metadata.PublishedFrom);
        Assert.EndsWith("(the markup's 2016-10-24 is not shown)", metadata.PublishedFrom);
        Assert.Equal("2016-10-20", page.Metadata.Published);
    }

    [Fact]
    public void Find_KeepsTheMarkupsDay_WhenThePageShowsTheSameMomentInItsOwnZone()
    {
        var (_, metadata) = Extract(Page(Dated, "Published 23 October 2016"));

        Assert.Equal(new DateOnly(2016, 10, 24), metadata.Published);
    }

    [Fact]
    public void Find_ReadsTheText_WhenTheMarkupHasNoDate()
    {
        var (page, metadata) = Extract(Page(string.Empty, "Published 24 October 2016"));

        Assert.Equal(new DateOnly(2016, 10, 24), metadata.Published);
        Assert.StartsWith("text: line ", metadata.PublishedFrom);
        Assert.Null(page.Metadata.Published);
        Assert.Equal(("The Paper", "markup: meta site name"), (metadata.Site, metadata.SiteFrom));
    }

    [Fact]
    public void Find_GivesTheMarkupAlone_ForAPageWithoutText()
    {
        var page = new HtmlArticleExtractor().Extract("<html><head><meta name=\"author\" content=\"Jo Smith\"></head><body></body></html>");

        var metadata = WebPageMetadata.Find(page, new MetadataFinder(), "page.html");

        Assert.Equal("Jo Smith", Assert.Single(metadata.Authors).Name);
        Assert.Null(metadata.Published);
    }
}

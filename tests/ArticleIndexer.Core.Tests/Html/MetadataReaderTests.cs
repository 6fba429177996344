using AngleSharp.Html.Parser;
using ArticleIndexer.Core.Html;

namespace ArticleIndexer.Core.Tests.Html;

public class MetadataReaderTests
{
    private static PageMetadata Read(string html, string? url = null) => MetadataReader.Read(new HtmlParser().ParseDocument(html), url);

    [Fact]
    public void Read_TakesJsonLdFirst_ThroughAGraph()
    {
        var page = Read("""
            <html lang="en-GB"><head>
            <meta property="og:title" content="Not this one">
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "name": "Kent Online"},
              {"@type": "NewsArticle", "headline": "Migrants found in lorry at Dover",
               "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bo Chen"}],
               "datePublished": "2015-07-29T08:00:00+01:00", "publisher": {"@type": "Organization", "name": "KentOnline"}}]}
            </script>
            <link rel="canonical" href="https://example.org/news/dover-lorry">
            </head><body><h1>Migrants found</h1></body></html>
            """);

        Assert.Equal("Migrants found in lorry at Dover", page.Title);
        Assert.Equal("Ann Lee, Bo Chen", page.Author);
        Assert.Equal("2015-07-29T08:00:00+01:00", page.Published);
        Assert.Equal("KentOnline", page.SiteName);
        Assert.Equal("https://example.org/news/dover-lorry", page.CanonicalUrl);
        Assert.Equal("en-GB", page.Language);
    }

    [Fact]
    public void Read_FallsBackToMetaTags_WhenJsonLdIsBroken()
    {
        var page = Read("""
            <html><head>
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
            <meta property="og:title" content="Calais camp cleared">
            <meta property="og:site_name" content="The Paper">
            <meta name="author" content="Jo Smith">
            <meta property="article:published_time" content="2016-10-24T06:00:00Z">
            <meta property="og:locale" content="fr_FR">
            <meta name="description" content="Police moved in at dawn.">
            </head><body></body></html>
            """);

        Assert.Equal(("Calais camp cleared", "Jo Smith", "2016-10-24T06:00:00Z", "The Paper", "fr-FR", "Police moved in at dawn."),
            (page.Title, page.Author, page.Published, page.SiteName, page.Language, page.Description));
    }

    [Theory]
    [InlineData("Calais camp cleared | The Paper", "The Paper", "Calais camp cleared")]
    [InlineData("The Paper - Calais camp cleared", "The Paper", "Calais camp cleared")]
    [InlineData("Calais camp cleared by police at dawn - The Paper", null, "Calais camp cleared by police at dawn")]
    [InlineData("Why it matters - a reader's long answer to a long question", null, "Why it matters - a reader's long answer to a long question")]
    [InlineData("Plain title", "Site", "Plain title")]
    public void WithoutSiteName_RemovesTheSiteFromATitle(string title, string? site, string expected) =>
        Assert.Equal(expected, MetadataReader.WithoutSiteName(title, site));

    [Fact]
    public void Read_UsesTheMarkup_WhenThePageHasNoMetadata()
    {
        var page = Read("""
            <html><head><title>Calais camp cleared | The Paper</title></head><body>
            <h1>Calais camp cleared</h1><a rel="author" href="/jo">By Jo Smith</a>
            <time datetime="2016-10-24">24 October</time></body></html>
            """);

        Assert.Equal(("Calais camp cleared", "Jo Smith", "2016-10-24"), (page.Title, page.Author, page.Published));
        Assert.Null(page.SiteName);
        Assert.Null(page.Language);
    }

    [Theory]
    [InlineData("https://example.org/2025/09/04/top-trends/", "2025-09-04")]
    [InlineData("https://example.org/news/2016-10-24-calais", "2016-10-24")]
    [InlineData("https://example.org/2025/13/40/not-a-date/", null)]
    [InlineData("https://example.org/product/12345/", null)]
    public void DateFromUrl_ReadsADateInThePath(string url, string? expected) => Assert.Equal(expected, MetadataReader.DateFromUrl(url));

    [Fact]
    public void Read_GivesNulls_ForAPageThatSaysNothing()
    {
        var page = Read("<p>text</p>");

        Assert.Equal(PageMetadata.None, page);
    }
}

using ArticleIndexer.Core.Html;

namespace ArticleIndexer.Core.Tests.Html;

/// <summary>The extractor's Readability-style rules, without the page model (<see cref="PageModelTests"/> has the
/// product's extractor, which decides with the model over what the rules chose).</summary>
public class HtmlArticleExtractorTests
{
    internal const string Paragraph1 = "Police cleared the camp at dawn on Monday, moving about 2,000 people onto buses bound for reception centres across France, officials said.";
    internal const string Paragraph2 = "The operation, planned for weeks, was watched by aid workers, journalists and, from a distance, by residents of the town, who had long asked for it.";
    internal const string Paragraph3 = "Charities warned that many people, including children, had left before the buses came, and that some would return to the coast within days.";

    internal static readonly string ArticlePage = $$"""
        <!DOCTYPE html>
        <html lang="en"><head><title>Calais camp cleared | The Paper</title><meta property="og:site_name" content="The Paper">
        <style>p { color: red }</style><script>var x = "Police cleared nothing";</script></head>
        <body>
          <div id="cookie-consent">We use cookies to improve your experience. Accept all cookies, or manage them, as you like.</div>
          <header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
          <main>
            <article class="post">
              <h1>Calais camp cleared</h1>
              <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
              <div class="entry-content">
                <p>{{Paragraph1}}</p>
                <h2>What happens next</h2>
                <p>{{Paragraph2}}</p>
                <figure><img src="a.jpg"><figcaption>The camp at dawn. Photo: Agency</figcaption></figure>
                <ul><li>Buses left from the north of the camp.</li><li>Reception centres are spread across France.</li></ul>
                <p>{{Paragraph3}}</p>
                <div class="newsletter">Sign up to our newsletter for the best stories, every morning, in your inbox.</div>
              </div>
              <div class="related-posts"><h3>Related</h3><ul><li><a href="/a">Another story about the camp and the town</a></li><li><a href="/b">A second story, also about the camp</a></li></ul></div>
            </article>
          </main>
          <aside class="sidebar"><p>Most read: a long paragraph of teaser text, about other stories, that goes on for a while.</p></aside>
          <footer><p>© The Paper 2016. All rights reserved. Contact us, about us, and our privacy policy.</p></footer>
        </body></html>
        """;

    private readonly HtmlArticleExtractor extractor = new(pageModel: null);

    [Fact]
    public void Extract_KeepsTheArticlesBlocks_AndDropsThePagesFurniture()
    {
        var result = extractor.Extract(ArticlePage);

        Assert.Null(result.NoArticle);
        Assert.Equal(
        [
            new ContentBlock(BlockKind.Paragraph, Paragraph1),
            new ContentBlock(BlockKind.Heading, "What happens next"),
            new ContentBlock(BlockKind.Paragraph, Paragraph2),
            new ContentBlock(BlockKind.ListItem, "Buses left from the north of the camp."),
            new ContentBlock(BlockKind.ListItem, "Reception centres are spread across France."),
            new ContentBlock(BlockKind.Paragraph, Paragraph3),
        ], result.Blocks);
        Assert.Equal("Calais camp cleared", result.Metadata.Title);
        Assert.Equal(string.Join("\n\n", result.Blocks.Select(b => b.Text)), result.Text);
    }

    [Fact]
    public void Extract_FindsTheArticle_WithoutSemanticTags_ByItsProse()
    {
        var html = $"""
            <body><div class="top"><a href="/">Home</a> | <a href="/x">Products</a> | <a href="/y">Blog</a></div>
            <div class="wrap"><div class="c1"><div>{Paragraph1}</div><div>{Paragraph2}</div><div>{Paragraph3}</div></div>
            <div class="c2"><a href="/1">Link one to another page</a><br><a href="/2">Link two to another page</a></div></div></body>
            """;

        var result = extractor.Extract(html);

        Assert.Equal([Paragraph1, Paragraph2, Paragraph3], result.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Extract_JoinsInlineMarkup_AndSplitsAtLineBreaks()
    {
        var html = $"<article><p>{Paragraph1[..40]}<b>bold</b> <a href=\"#\">and linked</a>\n   text, with commas, and more commas, and more.<br>Second line of the same paragraph, after a break, with commas, yes.</p><p>{Paragraph2}</p></article>";

        var result = extractor.Extract(html);

        Assert.Equal(Paragraph1[..40] + "bold and linked text, with commas, and more commas, and more.", result.Blocks[0].Text);
        Assert.Equal("Second line of the same paragraph, after a break, with commas, yes.", result.Blocks[1].Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><head><title>Nothing</title></head><body>   </body></html>")]
    [InlineData("<html><head><script>var a = 1;</script></head></html>")]
    public void Extract_SaysThePageHasNoText(string html)
    {
        var result = extractor.Extract(html);

        Assert.Empty(result.Blocks);
        Assert.Equal(HtmlArticleExtractor.NoText, result.NoArticle);
    }

    // The rules alone, and the product's extractor (the page model over every block).
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Extract_SaysThereIsNoArticle_OnAPageOfLinksAndLabels(bool pageModel)
    {
        var html = """
            <html><body><nav><ul><li><a href="/">Home</a></li><li><a href="/a">About</a></li></ul></nav>
            <div class="grid"><a href="/1">Story one</a> <a href="/2">Story two</a> <span>Menu</span></div>
            <footer>© 2025</footer></body></html>
            """;

        var result = (pageModel ? new HtmlArticleExtractor() : extractor).Extract(html);

        Assert.Empty(result.Blocks);
        Assert.Equal(HtmlArticleExtractor.NoArticleText, result.NoArticle);
    }

    [Theory]
    [InlineData("<<<>>><p<p<p>")]
    [InlineData("<div><div><div><p>unclosed")]
    [InlineData("\0\0binary\u0001\u0002")]
    [InlineData("<table><tr><td><table><tr><td>nested</td></tr></table></td></tr></table>")]
    public void Extract_NeverThrows_OnBrokenMarkup(string html)
    {
        var result = extractor.Extract(html);

        Assert.True(result.NoArticle is not null || result.Blocks.Count > 0);
    }

    [Fact]
    public void Extract_RetriesWithFewerRules_WhenANameHidesTheArticle()
    {
        // "comments" would remove the article's own wrapper in the strict attempt.
        var html = $"<body><div class=\"comments-enabled\"><p>{Paragraph1}</p><p>{Paragraph2}</p><p>{Paragraph3}</p></div></body>";

        var result = extractor.Extract(html);

        Assert.Equal([Paragraph1, Paragraph2, Paragraph3], result.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Extract_KeepsPreformattedText_AsItIs()
    {
        var html = $"<article><p>{Paragraph1}</p><pre>dotnet build\n  --no-restore</pre><p>{Paragraph2}</p></article>";

        var result = extractor.Extract(html);

        Assert.Contains(new ContentBlock(BlockKind.Preformatted, "dotnet build\n  --no-restore"), result.Blocks);
    }
}

using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Html;
using static ArticleIndexer.Core.Tests.Html.HtmlArticleExtractorTests;

namespace ArticleIndexer.Core.Tests.Html;

/// <summary>The product's extractor: the page model deciding over every block of the page, and the markup facts it
/// reads (<see cref="PageBlocks"/>).</summary>
public class PageModelTests
{
    private readonly HtmlArticleExtractor extractor = new();

    [Fact]
    public void Extract_KeepsTheArticle_AndDropsEveryPieceOfFurniture_WithItsReason()
    {
        var result = extractor.Extract(ArticlePage);

        Assert.Null(result.NoArticle);
        var kept = result.Blocks.Select(b => b.Text).ToList();
        Assert.Equal([Paragraph1, "What happens next", Paragraph2, "Buses left from the north of the camp.", "Reception centres are spread across France.", Paragraph3], kept);
        var cleaned = Assert.IsType<StrippedText>(result.Cleaned);
        Assert.Equal(kept, cleaned.Kept.Select(k => k.Text));
        Assert.Contains(cleaned.Dropped, d => d.Text.StartsWith("We use cookies", StringComparison.Ordinal));
        Assert.Contains(cleaned.Dropped, d => d.Text.StartsWith("Sign up to our newsletter", StringComparison.Ordinal));
        Assert.DoesNotContain(cleaned.Dropped, d => d.Text == "Calais camp cleared"); // the headline is the title, not junk
        Assert.All(cleaned.Dropped.Where(d => d.Rule == BoilerplateRules.PageModel),
            d => Assert.Matches(@"^article text \d+%; against it: [^,]+(, [^,]+){0,2}$", d.Detail));
        Assert.Equal("Calais camp cleared", result.Metadata.Title);
    }

    // A page with its article twice, as a print version below the screen one (extraction-more 0355).
    [Fact]
    public void Extract_KeepsAnArticleShownTwice_Once()
    {
        var article = $"<p>{Paragraph1}</p><p>{Paragraph2}</p><p>{Paragraph3}</p>";
        var html = $"<html><body><main><article><h1>Calais camp cleared</h1>{article}</article></main><div class=\"print-version\">{article}</div></body></html>";

        var result = extractor.Extract(html);

        var kept = result.Cleaned!.Kept.Select(k => k.Text).ToList();
        Assert.Equal([Paragraph1, Paragraph2, Paragraph3], kept);
        Assert.Contains(result.Cleaned.Dropped, d => d.Text == Paragraph1 && d.Rule == BoilerplateRules.Copy);
    }

    [Fact]
    public void Read_MarksWhatTheMarkupSaysOfEachBlock()
    {
        var blocks = new HtmlArticleExtractor(pageModel: null).Read(ArticlePage).Blocks;

        float Fact(string text, string name) =>
            blocks.Single(b => b.Text.StartsWith(text, StringComparison.Ordinal)).Markup[Array.IndexOf(PageBlocks.Names, name)];

        Assert.Equal(1, Fact(Paragraph1[..20], "markup: kept by the extractor"));
        Assert.Equal(0, Fact("We use cookies", "markup: kept by the extractor"));
        Assert.Equal(1, Fact("Home News Sport", "markup: in navigation"));
        Assert.Equal(1, Fact("Home News Sport", "markup: in a header"));
        Assert.Equal(1, Fact("© The Paper", "markup: in a footer"));
        Assert.Equal(1, Fact("Most read", "markup: in an aside"));
        Assert.Equal(0, Fact("Buses left", "markup: in a list of links"));
        Assert.Equal(1, Fact(Paragraph1[..20], "markup: in an article element"));
        Assert.Equal(2, Fact("What happens next", "markup: heading level"));
        Assert.Equal(-1, Fact(Paragraph1[..20], "markup: share in the JSON-LD body")); // the page has none
        Assert.True(Fact("Sign up to our newsletter", "markup: furniture names above") >= 1);
        Assert.Single(blocks, b => b.IsHeadline);
        Assert.Equal("Calais camp cleared", blocks.Single(b => b.IsHeadline).Text);
    }

    [Fact]
    public void Read_KnowsAListOfLinks_FromAListOfSentences()
    {
        var html = $"""
            <body><article><p>{Paragraph1}</p><ul><li><a href="/a">Another story about the camp</a></li><li><a href="/b">A second story</a></li>
            <li><a href="/c">A third story, also about the camp</a></li></ul><p>{Paragraph2}</p>
            <ul><li>Buses left from the north of the camp.</li><li>Reception centres are spread across France.</li><li>Some returned.</li></ul></article></body>
            """;

        var blocks = new HtmlArticleExtractor(pageModel: null).Read(html).Blocks;

        var at = Array.IndexOf(PageBlocks.Names, "markup: in a list of links");
        Assert.Equal(1, blocks.Single(b => b.Text == "A second story").Markup[at]);
        Assert.Equal(0, blocks.Single(b => b.Text == "Some returned.").Markup[at]);
    }

    [Fact]
    public void Read_MeasuresEachBlockAgainstTheJsonLdArticleBody()
    {
        var html = ArticlePage.Replace("</head>", $$"""
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Calais camp cleared", "articleBody": "{{Paragraph1}} {{Paragraph2}} {{Paragraph3}}"}</script></head>
            """, StringComparison.Ordinal);

        var blocks = new HtmlArticleExtractor(pageModel: null).Read(html).Blocks;

        var at = Array.IndexOf(PageBlocks.Names, "markup: share in the JSON-LD body");
        Assert.Equal(1, blocks.Single(b => b.Text == Paragraph2).Markup[at]);
        Assert.True(blocks.Single(b => b.Text.StartsWith("We use cookies", StringComparison.Ordinal)).Markup[at] < 0.5);
    }

    [Fact]
    public void PageModel_IsTrainedOnTheFeaturesThisBuildComputes()
    {
        var model = PageModel.Default;

        Assert.True(model.Trees.TreeCount > 0);
        Assert.Equal(PageModel.Names, model.Trees.FeatureNames);
    }
}

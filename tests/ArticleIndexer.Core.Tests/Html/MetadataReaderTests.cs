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
            </head><body><h1>Migrants found in lorry at Dover</h1></body></html>
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
            <article><header><h1>Calais camp cleared</h1><a rel="author" href="/jo">By Jo Smith</a>
            <time datetime="2016-10-24">24 October</time></header></article></body></html>
            """);

        Assert.Equal(("Calais camp cleared", "Jo Smith", "2016-10-24"), (page.Title, page.Author, page.Published));
        Assert.Null(page.SiteName);
        Assert.Null(page.Language);
    }

    [Theory]
    [InlineData("https://example.org/2025/09/04/top-trends/", "2025-09-04")]
    [InlineData("https://example.org/news/2016-10-24-calais", "2016-10-24")]
    [InlineData("https://example.org/blog/2023/october/03/wine-types/", "2023-10-03")]
    [InlineData("https://example.org/2023/feb/30/no-such-day/", null)]
    [InlineData("https://example.org/2023/march/", null)] // a month, no day
    [InlineData("https://example.org/2025/13/40/not-a-date/", null)]
    [InlineData("https://example.org/product/12345/", null)]
    public void DateFromUrl_ReadsADateInThePath(string url, string? expected) => Assert.Equal(expected, MetadataReader.DateFromUrl(url));

    [Fact]
    public void Read_GivesNulls_ForAPageThatSaysNothing()
    {
        var page = Read("<p>text</p>");

        Assert.Equal(PageMetadata.None, page);
    }

    private static MetadataReader.MarkupFacts Facts(string html) => MetadataReader.ReadFacts(new HtmlParser().ParseDocument(html));

    [Theory]
    [InlineData("2015-07-02T23:30:00-04:00", "2015-07-02")] // a local time keeps its local day, never UTC's (07-03)
    [InlineData("2015-07-02T01:30:00+10:00", "2015-07-02")] // nor the day before
    [InlineData("2025-12-19T02:41:41Z", "2025-12-19")]
    [InlineData("2024-04-05T00:00:00-0400", "2024-04-05")]
    [InlineData("2025-11-25 08:33:24", "2025-11-25")]
    [InlineData("2019/1/22", "2019-01-22")]
    [InlineData("Jun 24, 2025", "2025-06-24")]
    [InlineData("November 18, 2025", "2025-11-18")]
    [InlineData("Dec 19th 2025", "2025-12-19")]
    [InlineData("Thu, 09/25/2025 - 11:38", "2025-09-25")] // 25 cannot be a month: month first
    [InlineData("03-09-2026", null)] // either order reads: no day
    [InlineData("2015-02-30", null)] // no such day
    [InlineData("1875-01-01", null)] // before the web
    [InlineData("639091147543934333", null)] // a tick count
    [InlineData("", null)]
    [InlineData("Jan 2, 2015 to Feb 3, 2016", null)] // two days: which?
    public void Day_ReadsTheDayAMarkupValueGives(string value, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), MarkupDates.Day(value));

    [Theory]
    [InlineData("article:published_time", true)]
    [InlineData("og:published_time", true)]
    [InlineData("datePublished", true)]
    [InlineData("pubdate", true)]
    [InlineData("DC.date", true)]
    [InlineData("DC.date.issued", true)]
    [InlineData("sailthru.date", true)]
    [InlineData("parsely-pub-date", true)]
    [InlineData("citation_publication_date", true)]
    [InlineData("w-published-date", true)] // a key no list names, read by its words
    [InlineData("article:publisher", false)] // the publisher, not the publication
    [InlineData("article:modified_time", false)]
    [InlineData("og:updated_time", false)]
    [InlineData("published-date-updated", false)]
    [InlineData("viewport", false)]
    public void IsPublishedKey_TellsAPublicationTagFromOthers(string key, bool expected) =>
        Assert.Equal(expected, MetadataReader.IsPublishedKey(key));

    [Theory]
    [InlineData("By Jane Smith and John Doe", false, "Jane Smith|John Doe")]
    [InlineData("Written by Danielle DeSiato, Donna Enzmann, and Natalie Nguyen", false, "Danielle DeSiato|Donna Enzmann|Natalie Nguyen")]
    [InlineData("ByNina Pineda", false, "Nina Pineda")] // the label glued to the name
    [InlineData("By: FlowGuard EMEA on 04-ago-2021", false, "FlowGuard EMEA")]
    [InlineData("By Scott Levine – Updated Sep 9, 2025 at 1:00 PM EST | Fact-checked by Frank Bass", false, "Scott Levine")] // the fact-checker is no author
    [InlineData("Luke Kim | December 17, 2025", false, "Luke Kim")]
    [InlineData("Dec 17, 2025 | Julian K. Arni", false, "Julian K. Arni")] // a date before the names
    [InlineData("Updated January 08, 2026 Written by Meghan Neville", false, "Meghan Neville")] // the label inside
    [InlineData("By Dr. Vahid Osman - Mar 27, 2024", false, "Dr. Vahid Osman")]
    [InlineData("Shelby Loos, DVM", false, "Shelby Loos")] // the credential is a role
    [InlineData("Mayank Gupta, CEO of CaseBasix", false, "Mayank Gupta")]
    [InlineData("By Martin van der Berg", false, "Martin van der Berg")]
    [InlineData("Brian Becker | 7 min read", false, "Brian Becker")]
    [InlineData("by jsteinhardt", false, "jsteinhardt")] // a user name after "By"
    [InlineData("jsteinhardt", false, "none")] // a user name alone in an element: a login's or a comment's
    [InlineData("NB", false, "none")] // an avatar's initials
    [InlineData("Staff", false, "none")]
    [InlineData("Share", false, "none")]
    [InlineData("By clicking submit you agree to our terms", false, "none")] // a form's sentence
    [InlineData("https://www.facebook.com/thepaper", true, "none")] // article:author as a profile page
    [InlineData("page.head.extra.author", true, "none")] // a template's placeholder
    [InlineData("aawoods", true, "aawoods")] // the page declares a user name as its author
    [InlineData("andrew.keaveney", true, "none")] // a login with a full stop: not how a page credits anyone
    [InlineData("Center for Drug Evaluation and Research", true, "Center for Drug Evaluation and Research")] // one organisation, not two
    [InlineData("Sergio Martínez-Beltrán | The Texas Newsroom", true, "Sergio Martínez-Beltrán")] // the affiliation is a role
    [InlineData("Human in the Loop", true, "Human in the Loop")]
    public void Parse_SplitsABylineIntoNames(string byline, bool declared, string expected) =>
        Assert.Equal(expected, string.Join("|", MarkupAuthors.Parse(byline, declared).Select(a => a.Name)) is { Length: > 0 } names ? names : "none");

    [Theory]
    [InlineData("Shelby Loos, DVM", "DVM")]
    [InlineData("Mayank Gupta, CEO of CaseBasix", "CEO of CaseBasix")]
    [InlineData("Sergio Martínez-Beltrán | The Texas Newsroom", "The Texas Newsroom")]
    public void Parse_KeepsTheRoleApart(string byline, string role) =>
        Assert.Equal(role, MarkupAuthors.Parse(byline, declared: true)[0].Role);

    [Theory]
    // The visible h1 that agrees with the page's titles, over og:title's wording.
    [InlineData("<title>How to use gym equipment: a guide - Sweat</title><meta property='og:title' content='How To Use Gym Equipment: A Beginner’s Guide'>", "<h1>How To Use Gym Equipment (With Confidence!)</h1>", "How To Use Gym Equipment (With Confidence!)")]
    // The site's name in an h1 is no headline: the next h1.
    [InlineData("<title>Certificate vs Certification | Stanford Online</title><meta property='og:site_name' content='Stanford Online'>", "<h1>Stanford Online</h1><h1>Certificate vs Certification</h1>", "Certificate vs Certification")]
    // A section's h1 that shares nothing with the titles, which agree with each other: the titles' headline.
    [InlineData("<title>Cybersecurity Sector Update–Fall 2025</title><meta property='og:title' content='Cybersecurity Sector Update–Fall 2025'>", "<h1>M&amp;A Updates</h1>", "Cybersecurity Sector Update–Fall 2025")]
    // One h1 and titles that disagree: the h1, what the reader sees.
    [InlineData("<title>9 Fitness Trends to Keep An Eye On</title><meta property='og:title' content='Fitness trends: what to watch'>", "<h1>Why we train</h1>", "Why we train")]
    // No h1: og:title without the site's name, even a name with separators in it.
    [InlineData("<title>MBA Rankings - Stacy Blackman Consulting - MBA Admissions</title><meta property='og:site_name' content='Stacy Blackman Consulting - MBA Admissions'>", "<p>text</p>", "MBA Rankings")]
    // Entities decoded, twice-escaped ones too.
    [InlineData("<title>x</title>", "<h1>12 Tools for 2026 &amp;#x26; more</h1>", "12 Tools for 2026 & more")]
    // The h1's lines apart, and a one-word h1 no headline unless a title says so.
    [InlineData("<title>Weekend coding agent</title>", "<h1>WEEKEND<br>CODING <span>AGENT</span></h1>", "WEEKEND CODING AGENT")]
    [InlineData("<title>Latest trends in psychiatry | Site</title>", "<h1>Search</h1>", "Latest trends in psychiatry")]
    [InlineData("<title>Blog</title>", "<h1>Blog</h1>", "Blog")]
    public void Read_FindsTheHeadline(string head, string body, string expected) =>
        Assert.Equal(expected, Read($"<html><head>{head}</head><body>{body}</body></html>").Title);

    [Fact]
    public void ReadFacts_KeepsWhereEachValueWasRead()
    {
        var facts = Facts("""
            <html><head><script type="application/ld+json">
            [{"@type": "WebPage", "name": "Page", "datePublished": "2001-01-01"},
             {"@type": "NewsArticle", "headline": "Camp cleared", "datePublished": "2016-10-24T06:00:00+02:00", "dateModified": "2016-10-25T09:00:00+02:00",
              "author": [{"@type": "Person", "name": "Jo Smith"}, "Ann Lee"], "publisher": {"@type": "Organization", "name": "The Paper"}}]
            </script></head><body><h1>Camp cleared</h1></body></html>
            """).Facts;

        Assert.Equal((new DateOnly(2016, 10, 24), "markup: JSON-LD datePublished"), (facts.Published!.Value, facts.PublishedFrom));
        Assert.Equal((new DateOnly(2016, 10, 25), "markup: JSON-LD dateModified"), (facts.Updated!.Value, facts.UpdatedFrom));
        Assert.Equal(["Jo Smith", "Ann Lee"], facts.Authors.Select(a => a.Name));
        Assert.Equal("markup: JSON-LD author", facts.AuthorsFrom);
        Assert.Equal(("The Paper", "markup: JSON-LD publisher"), (facts.Site, facts.SiteFrom));
    }

    [Fact]
    public void ReadFacts_FindsTheArticle_InALaterScriptAndUnderTheMainEntity()
    {
        var facts = Facts("""
            <html><head>
            <script type="application/ld+json">{"@type": "WebPage", "name": "Blog"}</script>
            <script type="application/ld+json">{"@type": "Blog", "blogPost": [{"@type": "BlogPosting", "headline": "A post", "datePublished": "2025-12-19T20:20:42Z"}]}</script>
            </head><body></body></html>
            """).Facts;

        Assert.Equal(new DateOnly(2025, 12, 19), facts.Published);
    }

    [Theory]
    // The JSON-LD and the meta tags give two days: the page contradicts itself.
    [InlineData("""<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2018-04-03"}</script><meta property="article:published_time" content="2025-12-19T18:06:00Z">""", "", "none")]
    // Two publication tags with two days.
    [InlineData("""<meta name="published-time" content="2026-03-09T08:45:32Z"><meta name="published-date" content="2021-02-16">""", "", "none")]
    // Elements marked datePublished with several days are a list of other articles.
    [InlineData("", """<span itemprop="datePublished" content="2026-03-13"></span><span itemprop="datePublished" content="2026-03-10"></span>""", "none")]
    [InlineData("", """<span itemprop="datePublished" content="2026-03-13"></span>""", "2026-03-13")]
    // A <time> in a list of related stories, or the article's update, does not date the article.
    [InlineData("", """<article><ul class="related"><li><time datetime="2025-01-31">Jan 31</time></li></ul></article>""", "none")]
    [InlineData("", """<article><header><time class="updated" datetime="2025-01-31">Jan 31</time></header></article>""", "none")]
    [InlineData("", """<article><header><time datetime="2017-03-01T12:00:00Z">1 March 2017</time></header></article>""", "2017-03-01")]
    [InlineData("", """<div><time datetime="2017-03-01">1 March 2017</time></div>""", "none")]
    [InlineData("", """<div><time pubdate datetime="2017-03-01">1 March 2017</time></div>""", "2017-03-01")]
    // The URL's date, last.
    [InlineData("""<link rel="canonical" href="https://example.org/2015/07/02/calais">""", "", "2015-07-02")]
    public void ReadFacts_DatesThePage_OnlyFromMarkupThatAgrees(string head, string body, string expected) =>
        Assert.Equal(expected, Facts($"<html><head>{head}</head><body>{body}</body></html>").Facts.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "none");

    [Fact]
    public void ReadFacts_TakesTheBylineOverTheSite_AndTheSiteWhenItIsAllThereIs()
    {
        var byline = Facts("""
            <html><head><meta property="og:site_name" content="GlossGenius">
            <script type="application/ld+json">{"@type": "Article", "author": {"@type": "Organization", "name": "GlossGenius"}}</script>
            </head><body><div class="post-byline"><span>Shauna Mitchell</span><span>June 24, 2025</span></div></body></html>
            """).Facts;
        var site = Facts("""
            <html><head><meta property="og:site_name" content="Ben Nadel"><meta name="author" content="Ben Nadel"></head><body></body></html>
            """).Facts;

        Assert.Equal(("Shauna Mitchell", "markup: byline element"), (string.Join("|", byline.Authors.Select(a => a.Name)), byline.AuthorsFrom));
        Assert.Equal(("Ben Nadel", "markup: meta author (the site's own name)"), (string.Join("|", site.Authors.Select(a => a.Name)), site.AuthorsFrom));
    }

    [Theory]
    [InlineData("""<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Workzone Team">""", "", "Workzone Team", "markup: meta twitter:data1 (\"Written by\")")]
    [InlineData("""<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="7 minutes">""", "", "none", null)]
    [InlineData("", """<span><a href="/authors/trevor-jackins">Trevor Jackins</a></span>""", "Trevor Jackins", "markup: link to an author's page")]
    [InlineData("", """<a href="/authors/">All authors</a>""", "none", null)] // the list of authors, not one author's page
    [InlineData("", """<div><p>Written by</p><p>Edzel Tabing</p></div>""", "Edzel Tabing", "markup: byline label")]
    [InlineData("", """<p>Posted 2 May by <a href="/me">Tim Enwall</a></p>""", "Tim Enwall", "markup: byline label")]
    [InlineData("", """<p>Sign up to be reminded by <a href="/mail">email</a></p>""", "none", null)] // "by" before no name
    public void ReadFacts_FindsTheByline_InTheWaysPagesWriteIt(string head, string body, string expected, string? from)
    {
        var facts = Facts($"<html><head>{head}</head><body>{body}</body></html>").Facts;

        Assert.Equal((expected, from), (string.Join("|", facts.Authors.Select(a => a.Name)) is { Length: > 0 } names ? names : "none", facts.AuthorsFrom));
    }

    [Fact]
    public void ReadFacts_PassesOverBylinesInCommentsAndFooters()
    {
        var facts = Facts("""
            <html><body><article><p>Text.</p></article>
            <section class="comments"><div class="comment-author">Rui Ma</div></section>
            <footer><span class="author">Site Team</span></footer></body></html>
            """).Facts;

        Assert.Empty(facts.Authors);
    }
}

using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Reading;
using ArticleIndexer.Core.Tests.Support;

namespace ArticleIndexer.Core.Tests.Boilerplate;

/// <summary>
/// One test per rule of the stripper, each with lines of the kind that motivated it (most are from the dev pages in
/// ../shared/data, a few from the seeds), and the article lines that must survive next to them.
/// </summary>
public class StripperRuleTests
{
    private const string First = "The minister said the plan would be delivered over three years, in full, and that both governments had agreed to it.";
    private const string Second = "Officials said the fences would be finished before the summer holidays began, and that more police would follow them.";
    private const string Third = "The mayor of the port town said that she had heard such promises before, and that she would wait for the results.";

    private readonly LineBoilerplateStripper stripper = LineBoilerplateStripper.RulesOnly;

    [Theory]
    [InlineData("We use cookies to improve your experience on our site. By continuing to browse you accept them.", BoilerplateRules.CookieNotice)]
    [InlineData("Sign up for our daily newsletter", BoilerplateRules.Newsletter)]
    [InlineData("Enter your email address below to get the latest news.", BoilerplateRules.Newsletter)]
    [InlineData("Follow us on Instagram", BoilerplateRules.SocialFollow)]
    [InlineData("Copyright © 2025 Scratch Culinary Meal Prep. Terms of Service.", BoilerplateRules.Copyright)]
    [InlineData("© 2025 Business Standard Private Ltd. All rights reserved.", BoilerplateRules.Copyright)]
    [InlineData("By Rick Steves", BoilerplateRules.Byline)]
    [InlineData("Reviewed by: Brian Stormont, CFP®", BoilerplateRules.Byline)]
    [InlineData("11 comments", BoilerplateRules.CommentCount)]
    [InlineData("No Comments", BoilerplateRules.CommentCount)]
    [InlineData("Email Address *", BoilerplateRules.FormField)]
    [InlineData("* indicates required", BoilerplateRules.FormField)]
    [InlineData("Skip to content", BoilerplateRules.Navigation)]
    [InlineData("See also: A Brief History of Photography", BoilerplateRules.CrossLink)]
    [InlineData(">> Check Out: Best PoE Security Camera Systems in 2026", BoilerplateRules.CrossLink)]
    [InlineData("Learn more", BoilerplateRules.CallToActionRule)]
    [InlineData("Create Free Profile", BoilerplateRules.CallToActionRule)]
    [InlineData("Jorge Jimenez is a writer at Housecall Pro, where he helps home service pros grow their businesses.", BoilerplateRules.AuthorBioRule)]
    [InlineData("Products are chosen independently by our editors. Purchases made through our links may earn us a commission.", BoilerplateRules.Disclosure)]
    [InlineData("Obsidian is Freemium and ProprietaryNotion is also Freemium and ProprietaryObsidian is Lightweight and Privacy focusedNotion is not", BoilerplateRules.GluedText)]
    [InlineData("Loading paragraph...", BoilerplateRules.UiLabel)]
    [InlineData("DSLRs are great all-round digital cameras for all photography fields. Photo by: 'Neil Thomas'.", BoilerplateRules.PhotoCredit)]
    [InlineData("Getty Images", BoilerplateRules.PhotoCredit)]
    [InlineData("The crowd at the port on Friday. Photo via Twitter", BoilerplateRules.PhotoCredit)]
    [InlineData("Paris Baguette opened 80 units in North America this year. | Photo by Lisa Jennings", BoilerplateRules.PhotoCredit)]
    public void Strip_DropsFurniture_InsideAnArticle_WithItsRule(string junk, string rule)
    {
        var result = stripper.Strip(Some.Text(First, junk, Second, Third));

        var dropped = Assert.Single(result.Dropped);
        Assert.Equal(rule, dropped.Rule);
        Assert.Equal(junk, dropped.Text);
        Assert.Equal([First, Second, Third], result.Kept.Select(k => k.Text));
    }

    [Theory]
    [InlineData("The views expressed by the authors of this blog are their own and do not reflect those of the firm.", BoilerplateRules.Disclaimer)]
    [InlineData("This article is for informational purposes only and is not a substitute for medical advice.", BoilerplateRules.Disclaimer)]
    [InlineData("Karina Cohen is the owner of CR Maids, a local cleaning company serving the Greater Denver area.", BoilerplateRules.TailBio)]
    [InlineData("Prentice J, Dobson K. A review of the risks and benefits associated with mobile phone applications. 2014;55(4):282-290.", BoilerplateRules.Reference)]
    public void Strip_DropsNotesAboutTheArticle_InItsLastLines(string note, string rule)
    {
        var result = stripper.Strip(Some.Text(First, Second, Third, note));

        Assert.Equal(rule, Assert.Single(result.Dropped).Rule);
    }

    [Fact]
    public void Strip_KeepsATailLikeSentence_AtTheStartOfALongArticle()
    {
        var lines = new[] { "Karina Cohen is the owner of CR Maids, a local cleaning company serving the Greater Denver area.", First, Second, Third, First + " Again.", Second + " Again.", Third + " Again." };

        var result = stripper.Strip(Some.Text(lines));

        Assert.Empty(result.Dropped);
    }

    [Theory]
    [InlineData("December 19, 2025", BoilerplateRules.Dateline)]
    [InlineData("Updated on July 9, 2025", BoilerplateRules.Dateline)]
    [InlineData("5 min read", BoilerplateRules.Dateline)]
    [InlineData("Home | News | Politics | Sport", BoilerplateRules.Navigation)]
    [InlineData("$1,000,000", BoilerplateRules.PriceOrCounter)]
    public void Strip_DropsSoftFurniture_AboveTheArticle_ButKeepsItBetweenParagraphs(string line, string rule)
    {
        var above = stripper.Strip(Some.Text(line, First, Second));
        var between = stripper.Strip(Some.Text(First, line, Second));

        Assert.Equal(rule, Assert.Single(above.Dropped).Rule);
        Assert.Empty(between.Dropped);
    }

    [Fact]
    public void Strip_DropsTheMenusAboveTheArticle_AndKeepsItsHeadline()
    {
        var result = stripper.Strip(Some.Text(
            "Home", "Meal Prep", "How It Works", "Menus", "Company", "Blog", "Careers",
            "Top Nutrition Trends for Fall 2025",
            First, "1. High-Protein Meals Are Here to Stay", Second, Third));

        Assert.Equal(["Top Nutrition Trends for Fall 2025", First, "1. High-Protein Meals Are Here to Stay", Second, Third], result.Kept.Select(k => k.Text));
        Assert.All(result.Dropped.Where(d => d.Text != "Home"), d => Assert.Equal(BoilerplateRules.BeforeArticle, d.Rule));
    }

    [Fact]
    public void Strip_KeepsHeadingsListsAndShortSentences_BetweenParagraphs()
    {
        var lines = new[] { First, "Key topics include:", "General procedures", "Reporting losses", "Renting vehicles", Second, "It did.", Third };

        var result = stripper.Strip(Some.Text(lines));

        Assert.Empty(result.Dropped);
    }

    [Fact]
    public void Strip_DropsTheFooter_OncePageFurnitureStarts_AfterTheLastParagraph()
    {
        var result = stripper.Strip(Some.Text(First, Second, "Both ministers agreed.", "Copyright © 2025 The Paper", "About", "Contact", "Careers"));

        Assert.Equal([First, Second, "Both ministers agreed."], result.Kept.Select(k => k.Text));
        Assert.Equal([BoilerplateRules.Copyright, BoilerplateRules.AfterArticle, BoilerplateRules.AfterArticle, BoilerplateRules.AfterArticle], result.Dropped.Select(d => d.Rule));
    }

    [Fact]
    public void Strip_DropsEverythingAfterAnEndCue_WhenLessProseFollows()
    {
        var result = stripper.Strip(Some.Text(
            First, Second, Third,
            "Related articles",
            "The Salvation Army continued its long-standing tradition of community outreach with the distribution of hampers."));

        Assert.Equal([First, Second, Third], result.Kept.Select(k => k.Text));
        Assert.Equal([BoilerplateRules.EndCue, BoilerplateRules.AfterEndCue], result.Dropped.Select(d => d.Rule));
    }

    [Fact]
    public void Strip_DropsOnlyTheCue_WhenTheArticleGoesOnAfterIt()
    {
        var result = stripper.Strip(Some.Text(First, "Related", Second, Third, First + " Again."));

        Assert.Equal(BoilerplateRules.EndCue, Assert.Single(result.Dropped).Rule);
    }

    [Fact]
    public void Strip_DropsTeasers_OnlyWhenTwoStandTogether()
    {
        const string teaser1 = "NICOLE HERBERT, who served as Clerk of the House of Assembly for 25 years has been called out of retirement...";
        const string teaser2 = "THE 2025 national Christmas and Nine Mornings Festival was launched on Sunday, December 14, with a colourful...";
        const string trailingOff = "Before I get into it, you should know one thing that might save you a ton of time, money, and frustration…";

        var list = stripper.Strip(Some.Text(First, Second, teaser1, "Front Page", teaser2));
        var single = stripper.Strip(Some.Text(First, trailingOff, Second));

        Assert.Equal(2, list.Dropped.Count(d => d.Rule == BoilerplateRules.Teaser));
        Assert.Empty(single.Dropped);
    }

    [Fact]
    public void Strip_DropsAProseBlock_FarFromTheArticle()
    {
        var menus = Enumerable.Range(1, 8).Select(i => "Copyright © 2025 Section " + i).ToArray();
        const string cookies = "These cookies are necessary for the website to function and cannot be switched off in our systems.";

        var result = stripper.Strip(Some.Text([First, Second, Third, First + " Again.", Second + " Again.", .. menus, cookies]));

        var dropped = Assert.Single(result.Dropped, d => d.Text == cookies);
        Assert.Equal(BoilerplateRules.SeparateBlock, dropped.Rule);
    }

    [Fact]
    public void Strip_DropsLinesTheArchiveRepeats_ButNotAHeadingOverItsOwnParagraph()
    {
        var builder = new LineRepeats.Builder();
        for (var i = 0; i < 20; i++)
        {
            builder.AddText($"Article {i} text.\nSign up to KentOnline's daily briefing\nConclusion\nParagraph {i}.");
        }

        var result = stripper.Strip(Some.Text(First, "Sign up to KentOnline's daily briefing", Second, "Conclusion", Third), builder.Build());

        Assert.Equal(BoilerplateRules.Repeated, Assert.Single(result.Dropped).Rule);
        Assert.Contains(result.Kept, k => k.Text == "Conclusion");
    }

    // extraction-more 0355: the article shown twice on its page (7,807 words kept for 2,621 true ones).
    [Fact]
    public void Strip_DropsASecondCopyOfAParagraph_ButNotAShortLineThatRepeats()
    {
        var result = stripper.Strip(Some.Text(First, Second, "Both ministers agreed.", Third, First, "Both ministers agreed.", Second));

        Assert.Equal([First, Second, "Both ministers agreed.", Third, "Both ministers agreed."], result.Kept.Select(k => k.Text));
        Assert.Equal([BoilerplateRules.Copy, BoilerplateRules.Copy], result.Dropped.Select(d => d.Rule));
    }

    [Fact]
    public void Strip_KeepsEveryLine_OfAFileWithoutProse()
    {
        var result = stripper.Strip(Some.Text("Ingredients", "2 eggs", "1 cup flour", "Whisk and bake"));

        Assert.Empty(result.Dropped);
    }

    // Reuters-21578's earnings reports (reut-05321, reut-05437): the headline, a dateline opening the table, the rows,
    // and only then a paragraph of prose. The dateline starts the article, so the rows are not "above" it.
    [Fact]
    public void Strip_KeepsTheRowsAWireDatelineOpens_AndTheHeadlineOverIt()
    {
        var lines = new[]
        {
            "<BRALORNE RESOURCES LTD> YEAR LOSS",
            "BROOKLYN, N.Y., March 16 - Shr 2.27 dlrs vs 74 cts",
            "Net 4,945,989 vs 1,612,624",
            "Revs 28.2 mln vs 27.9 mln",
            "Six mths",
            "Shr 1.57 dlrs vs three cts",
            "NOTE: Current periods include pretax gain of 4.3 mln dlrs from sale of leasehold of Glen Oaks store in Queens, N.Y. and gain of 1.9 mln dlrs from benefit of tax loss carryforwards.",
        };

        var result = stripper.Strip(Some.Text(lines));

        Assert.Empty(result.Dropped);
    }

    [Fact]
    public void Strip_StillDropsMenusAboveAWireDateline_AndKeepsABreadcrumbLikeHeadlineOverIt()
    {
        var result = stripper.Strip(Some.Text(
            "Home | Markets | Companies", "Skip to content", "Advertisement", "Share",
            "FINANCIAL/SANTA BARBARA <FSB> UNIT OFFERS NOTES", "SANTA BARBARA, Calif., March 16 - " + First, Second, Third));

        Assert.Equal(["FINANCIAL/SANTA BARBARA <FSB> UNIT OFFERS NOTES", "SANTA BARBARA, Calif., March 16 - " + First, Second, Third], result.Kept.Select(k => k.Text));
    }

    [Theory]
    [InlineData("LOS ANGELES, March 16 - Shr profit nine cts vs loss 58 cts", true)]
    [InlineData("BROOKLYN, N.Y., March 16 - Shr 2.27 dlrs vs 74 cts", true)]
    [InlineData("SASKATOON, Saskatchewan, March 13 - Oper shr 35 cts vs 34 cts", true)]
    [InlineData("Caracas, march 13 - venezuela's biggest private company", true)]
    [InlineData("WASHINGTON (AP) — The Senate voted on Tuesday", true)]
    [InlineData("LONDON (Reuters) - Britain's economy grew", true)]
    [InlineData("Updated March 3, 2025", false)]
    [InlineData("Home - News - Sport", false)]
    [InlineData("The minister said on March 3 - before the vote - that it would pass", false)]
    [InlineData("Top 10 tips (2025) - a guide", false)]
    public void OpensStory_KnowsAWireDateline(string line, bool expected) =>
        Assert.Equal(expected, ArticleIndexer.Core.Normalization.TextShape.OpensStory(line));

    // Reuters-21578's price tables and one-line items (reut-13394, reut-05571): the line model alone would drop every
    // line, although no rule sees furniture in them.
    [Theory]
    [InlineData("LONDON LIFFE STERLING 0847 - APR 7\nJun --- --- --- 16085\n Sep      ---    ---     ---    15985\n Dec      ---    ---     ---    15885\n Mar      ---    ---     ---    15784\n")]
    [InlineData("CANBRA FOODS LTD SETS SPECIAL ONE-TIME FIVE DLR/COMMON SHR CASH PAYOUT\n")]
    public void Strip_WithTheModel_NeverEmptiesAFileWithoutFurniture(string text)
    {
        var result = new LineBoilerplateStripper().Strip(new ArticleIndexer.Core.Normalization.TextNormalizer().Normalize(text));

        Assert.NotEmpty(result.Kept);
    }

    // lynx -dump (without -nolist) ends a page with the addresses of its links (extraction-dev 0003).
    [Fact]
    public void Strip_DropsTheListOfLinksATextBrowserAppends_WithItsHeading()
    {
        var text = Some.Text(First, Second, Third, "References", "1. https://www.linkedin.com/legal/cookie-policy",
            "2. https://www.linkedin.com/settings?trk=article", "Visible links:", "3. mailto:desk@example.com", "Hidden links:",
            "4. https://www.linkedin.com/uas/login?session_redirect=%2Fpulse");

        var result = stripper.Strip(text);

        Assert.Equal([First, Second, Third], result.Kept.Select(k => k.Text));
        Assert.All(result.Dropped, d => Assert.Equal(BoilerplateRules.LinkList, d.Rule));
    }

    [Fact]
    public void Strip_KeepsAReferencesHeading_OverTheArticlesOwnReferences()
    {
        const string reference = "Prentice J, Dobson K. A review of the risks and benefits associated with mobile phone applications. 2014;55(4):282-290.";

        var result = stripper.Strip(Some.Text(First, Second, "References", reference, Third));

        Assert.DoesNotContain(result.Dropped, d => d.Rule == BoilerplateRules.LinkList);
        Assert.Contains("References", result.Kept.Select(k => k.Text));
    }

    // article-text-dev 2976 and 0267: the read-later tool saved a listing and a table of figures, not the article.
    [Theory]
    [InlineData("HomeOffice & ProductivityNotionAlternatives\nMore about Notion\nCopy a direct link to this comment to your clipboard\nFilters\n218218 apps\n3\nof\n11\nIs Anytype a good alternative to Notion?\n3\nof\n13\nIs AppFlowy a good alternative to Notion?\nSign up for our newsletter\n© 2026 AlternativeTo. All rights reserved.\n")]
    [InlineData("Share\nAdvertisement\n#1\n97%\nOnline Enrollment\n$15,000\nAvg. Undergrad Tuition, In-State\n62%\nRetention Rate\nFollow us on Instagram\n")]
    public void Process_SaysAFileHoldsNoArticle_WhenOnlyLabelsAndFiguresSurviveItsFurniture(string text)
    {
        var outcome = ProcessFile(text);

        Assert.Null(outcome.Article);
        Assert.Equal(SkipReason.NoArticleInFile, outcome.Skip);
        Assert.Matches(@"^what is left once \d+ lines of furniture are gone is \d+ words in \d+ short lines, not one paragraph$", outcome.Detail);
        Assert.NotEmpty(outcome.Stripped);
    }

    [Theory]
    [InlineData("BROOKLYN, N.Y., March 16 - Shr profit nine cts vs loss 58 cts\nNet profit 738,000 vs loss 4,643,000\nSales 50.9 mln vs 43.8 mln\nShare\nAdvertisement\nFollow us on Instagram\n")]
    [InlineData("Police cleared the camp at dawn on Monday, moving about 2,000 people onto buses bound for reception centres.\nShare\nAdvertisement\nFollow us on Instagram\n")]
    [InlineData("JOHN WILEY AND SONS INC <WILLB> 3RD QTR NET\nNEW YORK, Narch 2 - Qtr ended Jan 31\n    Shr 72 cts vs 71 cts\n    Net 3,062,000 vs 3,023,000\n    Revs 58.5 mln vs 56.4 mln\n Reuter\n")] // Reuters-21578 0619: a misspelt dateline
    public void Process_KeepsAShortArticle_AWireTableOrOneParagraph(string text)
    {
        var outcome = ProcessFile(text);

        Assert.NotNull(outcome.Article);
    }

    // Reuters-21578: the line model, trained on web pages, took the headline and the rows of figures under a wire
    // dateline for furniture (1,061 more files shrank by a fifth); in wire copy the rules decide.
    [Fact]
    public void Process_KeepsEveryRowOfAWireStory_AndItsHeadline()
    {
        var outcome = ProcessFile("OWENS AND MINOR INC <OBOD> RAISES QTLY DIVIDEND\nRICHMOND, Va., Feb 26 - Qtly div eights cts vs 7.5 cts prior\n    Pay March 31\n    Record March 13\n Reuter\n");

        Assert.NotNull(outcome.Article);
        Assert.Equal("OWENS AND MINOR INC <OBOD> RAISES QTLY DIVIDEND", outcome.Article.Title);
        Assert.StartsWith("RICHMOND, Va., Feb 26 - Qtly div eights cts vs 7.5 cts prior\n\nPay March 31\n\nRecord March 13", outcome.Article.Body); // "Reuter" goes when the archive repeats it
    }

    [Fact]
    public void Process_GivesAnEmptyBodyWithReasons_ForAFileOfBoilerplateOnly()
    {
        var outcome = ProcessFile("Share\nAdvertisement\nSubscribe now for unlimited access.\nFollow us on Instagram\n© 2025 The Paper. All rights reserved.\n");

        Assert.Null(outcome.Article);
        Assert.Equal(SkipReason.NoBodyAfterStripping, outcome.Skip);
        Assert.Equal(
            [BoilerplateRules.UiLabel, BoilerplateRules.Advertisement, BoilerplateRules.Paywall, BoilerplateRules.PaywallBlock, BoilerplateRules.PaywallBlock],
            outcome.Stripped.Select(s => s.Rule));
    }

    // The whole pipeline on one text file, as a pass reads it.
    private static ArticleOutcome ProcessFile(string text)
    {
        using var temp = new TempFolder();
        var path = temp.Combine("saved.txt");
        File.WriteAllText(path, text);
        var processor = new ArticleProcessor();
        return processor.Process(processor.Read(new ArticleIndexer.Core.Articles.ArticleFile(path, "saved.txt", new FileInfo(path).Length, DateTime.UtcNow)));
    }
}

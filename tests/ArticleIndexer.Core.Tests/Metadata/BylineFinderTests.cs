using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Metadata;
using ArticleIndexer.Core.Normalization;

namespace ArticleIndexer.Core.Tests.Metadata;

public class BylineFinderTests
{
    private const string Lead = "The Home Secretary signed the agreement with her French counterpart in Calais on the day.";

    private static readonly BylineFinder Finder = new();

    // A file of lines: a menu, the headline, what the row gives, the lead, a second paragraph, then what the row gives
    // under the article.
    private static Byline Find(string around, string below = "")
    {
        var lines = new List<string> { "Home", "World", "Calais deal signed" };
        lines.AddRange(around.Split('\n'));
        var lead = lines.Count + 1;
        lines.Add(Lead);
        lines.Add("It will pay for fences and for more officers at the port, both ministers said after the meeting.");
        var last = lines.Count;
        lines.AddRange(Enumerable.Repeat("", 10));
        if (below.Length > 0)
        {
            lines.AddRange(below.Split('\n'));
        }

        return Finder.Find(lines, lead, last);
    }

    // The authors as one string: "Jane Smith {Political Editor}; John Doe", or "none".
    private static string Written(Byline byline) => byline.Authors.Count == 0
        ? "none"
        : string.Join("; ", byline.Authors.Select(a => a.Role is null ? a.Name : $"{a.Name} {{{a.Role}}}"));

    // Each row: the lines between the headline and the lead, the authors found ("none"), and the rule.
    [Theory]
    [InlineData("By Jane Smith", "Jane Smith", "byline")]
    [InlineData("By Jane Smith and John Doe", "Jane Smith; John Doe", "byline")]
    [InlineData("Written by Danielle DeSiato, Donna Enzmann, and Natalie Nguyen", "Danielle DeSiato; Donna Enzmann; Natalie Nguyen", "byline")]
    [InlineData("By Jane Smith | Sept 4, 2025", "Jane Smith", "byline")]
    [InlineData("By Scott Levine – Updated Sep 9, 2025 at 1:00 PM EST | Fact-checked by Frank Bass", "Scott Levine", "byline")]
    [InlineData("By Sofia Gonzalez December 2, 2025", "Sofia Gonzalez", "byline")]
    [InlineData("By Arricca Elin SanSonePublished: Dec 20, 2023", "Arricca Elin SanSone", "byline")]
    [InlineData("ByNina Pineda", "Nina Pineda", "byline")]
    [InlineData("Written byby Rebecca MacFarlane", "Rebecca MacFarlane", "byline")]
    [InlineData("By: Saru Yeknom", "Saru Yeknom", "byline")]
    [InlineData("Author: Nirmita Panchal", "Nirmita Panchal", "byline")]
    [InlineData("Authors:Aniruddha Roy, Jyoti Patel, Aman Chadha", "Aniruddha Roy; Jyoti Patel; Aman Chadha", "byline")]
    [InlineData("Words: Jane Smith", "Jane Smith", "byline")]
    [InlineData("Text by Hunter Dukes", "Hunter Dukes", "byline")]
    [InlineData("Posted by Peter Bell on August 21, 2019", "Peter Bell", "byline")]
    [InlineData("By\n\nSara Brown", "Sara Brown", "byline, name on the next line")]
    [InlineData("Written by\nThe Investopedia Team", "The Investopedia Team", "byline, name on the next line")]
    [InlineData("Posted on June 29, 2020 by Jorge Jimenez", "Jorge Jimenez", "byline after the date")]
    [InlineData("September 1st, 2023 By Emily Norwood", "Emily Norwood", "byline after the date")]
    [InlineData("by whova | Apr 21, 2025", "whova", "byline")]
    // Letters after a name are the name's as written; a role or an agency is kept apart.
    [InlineData("By Dylan Bailey, MS, RD, FAND", "Dylan Bailey, MS, RD, FAND", "byline")]
    [InlineData("Written by Rebecca Lake, CEPF®", "Rebecca Lake, CEPF®", "byline")]
    [InlineData("By Jane Smith, Political Editor", "Jane Smith {Political Editor}", "byline")]
    [InlineData("By Jane Smith and John Doe, Staff Writers", "Jane Smith {Staff Writers}; John Doe {Staff Writers}", "byline")]
    [InlineData("By Jane Smith, Reuters", "Jane Smith {Reuters}", "byline")]
    [InlineData("By Mayank Gupta, CEO of CaseBasix", "Mayank Gupta {CEO of CaseBasix}", "byline")]
    [InlineData("Written by: Sean Peek, Senior AnalystUpdated Sep 17, 2025", "Sean Peek {Senior Analyst}", "byline")]
    [InlineData("Written By: Catherine Boeckmann Executive Digital Editor", "Catherine Boeckmann {Executive Digital Editor}", "byline")]
    [InlineData("By Ben Applebaum-Bauch ⋅ Review Editor", "Ben Applebaum-Bauch {Review Editor}", "byline")]
    // No label: a name alone beside the date line, a name and a role, a name and a date.
    [InlineData("Andrew King\n\nSeptember 4, 2025", "Andrew King", "name beside the date line")]
    [InlineData("July 5, 2025\nMadison Green", "Madison Green", "name beside the date line")]
    [InlineData("Jane Smith, Political Editor", "Jane Smith {Political Editor}", "name and role")]
    [InlineData("Nicoletta Richardson\nTrending Editor\nDec 23, 2024", "Nicoletta Richardson {Trending Editor}", "name beside the date line")]
    [InlineData("Jane Smith | Sept 4, 2025", "Jane Smith", "name and date line")]
    [InlineData("Amit Samsukha October 11, 2024", "Amit Samsukha", "name and date line")]
    [InlineData("Patrick Clarke Published 10:19am 19 December 2025", "Patrick Clarke", "name and date line")]
    [InlineData("Faith Katunga•Oct 20, 2025", "Faith Katunga", "name and date line")]
    [InlineData("LEONARDO GARCIA\nSep 26, 2022", "LEONARDO GARCIA", "name beside the date line")]
    // A name the first names do not know, that the tagger takes for a person's, beside the date line.
    [InlineData("Chirag Bhardwaj\nVP - Technology\nNovember 14, 2025", "Chirag Bhardwaj {VP - Technology}", "name beside the date line")]
    // A renderer that puts blocks on one line, or an image's alt text beside the name (lynx, w3m).
    [InlineData("AI Coding Agents Tested: GPT-5 Excels Written by Maya Perez", "Maya Perez", "byline inside the line")]
    [InlineData("Picture of Adam Hamilton Adam Hamilton\nAugust 13, 2024", "Adam Hamilton", "name beside the date line")]
    [InlineData("Matt Eland avatar\nMatt Eland on Dec. 13, 2025", "Matt Eland", "name and date line")]
    [InlineData("Dec 26, 2025 • Mahua Das in Project Management", "Mahua Das", "name and date line")]
    [InlineData("Susan December 9, 2024 0 Comments", "Susan", "name and date line")]
    [InlineData("EDB Team\n\nSeptember 18, 2024", "EDB Team", "name beside the date line")]
    // A day without a year and a reading time make a date block too.
    [InlineData("Karen Keen\nJun 9\n5 min read", "Karen Keen", "name beside the date line")]
    [InlineData("Guide by Will Judd Former Deputy Tech Editor", "Will Judd {Former Deputy Tech Editor}", "byline")]
    [InlineData("Shelia R. Cotten, Clemson University", "Shelia R. Cotten {Clemson University}", "name and role")]
    // "Theresa May" is a name, not a date; "May 4" after it is the date.
    [InlineData("By Theresa May | 4 May 2016", "Theresa May", "byline")]
    [InlineData("Theresa May\n4 May 2016", "Theresa May", "name beside the date line")]
    // Traps: a sentence that opens with "By", a quoted person, menus, a date, a site name, a caption.
    [InlineData("By clicking submit you agree to our terms of use and privacy policy.", "none", "")]
    [InlineData("By focusing on the best tools, companies can streamline their processes.", "none", "")]
    [InlineData("By submitting this form, you agree to receive emails.", "none", "")]
    [InlineData("\"We will not give up,\" said Jane Smith, the mayor of Calais, on Thursday.", "none", "")]
    [InlineData("The plan was announced by Jane Smith on 2 July 2015.", "none", "")]
    [InlineData("By Role\nBy Industry\nBy Use Case", "none", "")]
    [InlineData("Our Services\n2 July 2015", "none", "")]
    [InlineData("Online Programs\nStudent Planning", "none", "")]
    [InlineData("Friday March\n2 July 2015", "none", "")]
    [InlineData("September 4, 2025", "none", "")]
    [InlineData("The Nutrition Source\n2 July 2015", "none", "")]
    [InlineData("Dan Lieberman, Albany resident and renewable energy expert, stands with his solar panels.", "none", "")]
    [InlineData("NVIDIA GTC\nMarch 16, 2026", "none", "")]
    [InlineData("Jane Smith", "none", "")]
    [InlineData("By April 15, 27.8 pct of the area had been sown.", "none", "")]
    [InlineData("Texaco said the motion introduces two letters written by Farris, who has since died, to two Houston lawyers.", "none", "")]
    [InlineData("Powered By WordPress", "none", "")]
    [InlineData("ROI Calculator\nOur Partners", "none", "")]
    [InlineData("Downtown Wichita\nAmbassador Hotels", "none", "")]
    [InlineData("Author\nCP", "none", "")]
    [InlineData("Jane Smith\nReuters", "none", "")]
    [InlineData("WASHINGTON, April 9 - The U.S. Agriculture Department", "none", "")]
    [InlineData("LANE TELECOMMUNICATIONS PRESIDENT RESIGNS", "none", "")]
    public void Find_ReadsTheAuthors_FromTheLinesAroundTheLead(string around, string expected, string rule)
    {
        var byline = Find(around);

        Assert.Equal(expected, Written(byline));
        if (expected != "none")
        {
            Assert.Matches($"^line \\d+: {rule}$", byline.From);
        }
    }

    [Fact]
    public void Find_LeavesOutAnEditorOrReviewer_NamedApart()
    {
        var byline = Find("Written by Camila Karalyte\nEdited by: Keri Stooksbury\nKeri Stooksbury\nEditor-in-Chief");

        Assert.Equal("Camila Karalyte", Written(byline));
    }

    [Fact]
    public void Find_DoesNotTakeAnUpdater_ForTheAuthor()
    {
        var byline = Find("By Benjamin Preston\nUpdated by Jon Linkov\nUpdated April 10, 2025");

        Assert.Equal("Benjamin Preston", Written(byline));
        Assert.Equal("line 4: byline", byline.From);
    }

    [Fact]
    public void Find_TakesTheBylineNearestTheLead_NotARelatedStorys()
    {
        var byline = Find("Related: Dover ferries resume\nby Claire Gillo\nDecember 17, 2025\nSecurity\nSecurity\nSecurity\nCalais deal signed\nJoshua Waller\n30 January 2025");

        Assert.Equal("Joshua Waller", Written(byline));
    }

    [Fact]
    public void Find_ReadsALabelledBylineUnderTheArticle_WhenNoneIsAbove()
    {
        var byline = Find("Share", below: "Written by Cassidy Horton\nCassidy Horton is a finance writer.");

        Assert.Equal("Cassidy Horton", Written(byline));
        Assert.Matches("^line \\d+: byline after the article$", byline.From);
    }

    [Fact]
    public void Find_SkipsAWrappedSentence_ThatGoesOnWithBy()
    {
        var lines = new[]
        {
            "STAKE IN TRANSCO BOUGHT",
            "The stake in the company was bought last week from its former owners",
            "by National Westminster Bank Plc, the bank said.",
            "The bank said the purchase was made for investment purposes and it had no plans to bid.",
        };

        Assert.Equal("none", Written(Finder.Find(lines, 4, 4)));
    }

    [Fact]
    public void Find_SkipsTheRestOfAWrappedWireSentence()
    {
        var lines = new[]
        {
            "SYNERCOM <SYNR.O> NAMES NEW PRESIDENT",
            "HOUSTON, June 1 - Synercom Technology Inc said it has named",
            "Robert Forsyth president.",
            "The company said Forsyth is taking over the position from",
            "Thomas Moore, who remains chairman and chief executive officer.",
            "Reuter",
        };

        Assert.Equal("none", Written(Finder.Find(lines, 2, 6)));
    }

    [Fact]
    public void MetadataFinder_GivesTheAuthors_WithWhereTheyWereRead()
    {
        var text = new TextNormalizer().Normalize("Calais deal signed\nBy Jane Smith, Political Editor\n2 July 2015\n" + Lead);
        var lines = text.Text.Split('\n');
        var stripped = new StrippedText([new KeptLine(1, lines[0]), new KeptLine(4, lines[3])], []);

        var metadata = new MetadataFinder().Find(text, stripped, "calais.txt");

        Assert.Equal([new ArticleAuthor("Jane Smith", "Political Editor")], metadata.Authors);
        Assert.Equal("line 2: byline", metadata.AuthorsFrom);
        Assert.Equal(new DateOnly(2015, 7, 2), metadata.Published);
    }

    [Fact]
    public void MetadataFinder_GivesTheAuthors_OfAFileWithoutADate()
    {
        var text = new TextNormalizer().Normalize("Calais deal signed\nBy Jane Smith\n" + Lead);
        var lines = text.Text.Split('\n');
        var stripped = new StrippedText([new KeptLine(1, lines[0]), new KeptLine(3, lines[2])], []);

        var metadata = new MetadataFinder().Find(text, stripped, "calais.txt");

        Assert.Null(metadata.Published);
        Assert.Equal("Jane Smith", Written(new Byline(metadata.Authors, metadata.AuthorsFrom)));
    }

    [Theory]
    [InlineData(new string[0], 1)]
    [InlineData(new[] { "By Jane Smith" }, 0)]
    [InlineData(new[] { "By Jane Smith" }, 5)]
    public void Find_ReturnsNone_ForALeadOutsideTheFile(string[] lines, int lead)
    {
        Assert.Same(Byline.None, Finder.Find(lines, lead, lead));
    }
}

using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Metadata;
using ArticleIndexer.Core.Normalization;

namespace ArticleIndexer.Core.Tests.Metadata;

public class MetadataFinderTests
{
    private const string Lead = "The Home Secretary signed the agreement with her French counterpart in Calais on the day.";

    // A file of lines: the headline, what the row gives, the lead (kept), a second paragraph (kept).
    private static ArticleMetadata Find(string around, string path = "calais.txt", bool dateBelowLead = false) =>
        FindWith(null, around, path, dateBelowLead);

    private static ArticleMetadata FindWith(MetadataFinderOptions? options, string around, string path = "calais.txt", bool dateBelowLead = false)
    {
        var lines = new List<string> { "Home", "World", "Calais deal signed" };
        if (!dateBelowLead)
        {
            lines.AddRange(around.Split('\n'));
        }

        lines.Add(Lead);
        if (dateBelowLead)
        {
            lines.AddRange(around.Split('\n'));
        }

        lines.Add("It will pay for fences and for more officers at the port, both ministers said after the meeting.");
        var text = new TextNormalizer().Normalize(string.Join('\n', lines));
        var all = text.Text.Split('\n');
        var kept = new List<KeptLine> { new(3, all[2]) };
        for (var i = 0; i < all.Length; i++)
        {
            if (all[i] == Lead || all[i].StartsWith("It will pay", StringComparison.Ordinal))
            {
                kept.Add(new KeptLine(i + 1, all[i]));
            }
        }

        return new MetadataFinder(options).Find(text, new StrippedText(kept, []), path);
    }

    // Each row: the lines between the headline and the lead, the published day found ("none"), and the rule.
    [Theory]
    [InlineData("Published: 14 March 2016", "2016-03-14", "published label")]
    [InlineData("By Jane Smith | Sept 4, 2025", "2025-09-04", "byline")]
    [InlineData("By Jane Smith and John Doe\n2 July 2015", "2015-07-02", "date line")]
    [InlineData("Posted on\n\nJuly 8, 2025", "2025-07-08", "published label")]
    [InlineData("March 14, 2016 at 10:04 am", "2016-03-14", "date line")]
    [InlineData("Updated 2 July 2015 14:30 BST\nPublished 1 July 2015", "2015-07-01", "published label")]
    [InlineData("14/03/2016", "2016-03-14", "date line")]
    [InlineData("03/14/2016", "2016-03-14", "date line")]
    // Either order reads and nothing in the file says which: missing rather than wrong.
    [InlineData("02/07/2015", "none", "")]
    // Only an update: the file does not say when it was published.
    [InlineData("Last updated: Dec 4, 2025", "none", "")]
    // A day and month without a year, and no full date anywhere in the file.
    [InlineData("Thursday (2 July)", "none", "")]
    // A date in a sentence is another event's.
    [InlineData("Since records began on 1 January 2008, more than a million people have crossed the Channel this way.", "none", "")]
    [InlineData("The study, published January 24 2017 in Psychiatry Research, included 89 patients with anxiety.", "none", "")]
    // A table's row of figures.
    [InlineData("1/1/2013 +13.1%", "none", "")]
    [InlineData("The payment date is March 31, 2016.", "none", "")]
    [InlineData("on November three through December 31, 1986.", "none", "")]
    [InlineData("Date: 14 March 2016", "2016-03-14", "published label")]
    [InlineData("Results will be released by March 31, 1987.", "none", "")]
    [InlineData("Dec 31, 1986 when it had net tangible assets of 563,000 dlrs.", "none", "")]
    [InlineData("Arrivals for the week ended\nApril 29, 1986.", "none", "")]
    [InlineData("Subharun Mukherjee |June 2, 2025", "2025-06-02", "date line")]
    [InlineData("ESSO SAF YEAR ENDED DEC 31 1986", "none", "")]
    [InlineData("BY JANE SMITH | MARCH 2, 2015", "2015-03-02", "byline")]
    [InlineData("02/28/87 01/31/87 02/28/86", "none", "")]
    [InlineData("By Scott Levine – Updated Sep 9, 2025 at 1:00 PM EST\nPosted Sep 1, 2025", "2025-09-01", "published label")]
    [InlineData("Theresa May visited Calais", "none", "")]
    [InlineData("By George Michaelson on 19 Dec 2025", "2025-12-19", "byline")]
    [InlineData("on Dec 17, 2025", "2025-12-17", "date line")]
    [InlineData("Theresa May met him on 3 March 2016", "none", "")] // "on" after a sentence's words: an event's date
    [InlineData("[Submitted on 18 Dec 2025]", "2025-12-18", "published label")]
    [InlineData("by Nicole Forbes, Master Horticulturalist & Garden Educator | Dec 30, 2025 | Indoor Plants |", "2025-12-30", "byline")]
    [InlineData("Monday, August 11th, 2025 at 11:00 am | Categories: Helena, MT, Thermostats, Heating and Cooling |", "2025-08-11", "date line")]
    [InlineData("March 30, 2023 | %t min read", "2023-03-30", "date line")]
    [InlineData("May 21, 2025April 24, 2025 by The Ritualist", "2025-04-24", "the earlier of two dates")]
    [InlineData("8/1/2025\n8/27/2025", "2025-08-01", "date line")]
    [InlineData("Last update:\nJuly 16, 2025", "none", "")] // an update, not the publication
    [InlineData("Mental HealthDECEMBER 22, 2022Updated: JANUARY 02, 2026", "2022-12-22", "date line")]
    [InlineData("December 19, 2025\nThe best bridge camera\nby Geoff Harris\nDecember 19, 2025\nThe best instant cameras\nby Claire Gillo\nDecember 17, 2025", "none", "")] // a list of related stories
    [InlineData("2021-08-09 Emphasizing non-requirements for analysis as well as tool choice steps and more of it.\n2022-04-12 Link to Choosing Software\n2023-06-12 Further arguments", "none", "")] // a changelog
    [InlineData("2 July 2015\nShare\n2 July 2015\nPrint\n2 July 2015", "2015-07-02", "date line")] // its own date thrice is no list
    [InlineData("PHILADELPHIA, March 18 - Qtrly div 96 cts vs 90 cts\n    Pay May One, 1987\n    Record March 31, 1987", "none", "")] // wire copy's dates under its dateline are the story's
    [InlineData("ROSEMONT, ILL., Oct 19 - Shr 18 cts vs 13 cts\n    NOTE: Earnings adjusted for three-for-two stock split paid\nJune 20, 1986", "none", "")]
    [InlineData("Nick van Mead\n2022-11-23T08:10+02:00", "2022-11-23", "date line")]
    [InlineData("2025-12-19:", "2025-12-19", "date line")]
    [InlineData("2022-11-23T08:10", "2022-11-23", "date line")]
    [InlineData("2022-11-23", "2022-11-23", "date line")]
    public void Find_ReadsThePublishedDay_FromTheLinesAroundTheLead(string around, string expected, string rule)
    {
        var metadata = Find(around);

        Assert.Equal(expected, metadata.Published?.ToString("yyyy-MM-dd") ?? "none");
        if (expected != "none")
        {
            Assert.Matches($"^line \\d+: {rule}", metadata.PublishedFrom);
        }
    }

    [Fact]
    public void Find_KeepsTheUpdateApart()
    {
        var metadata = Find("Published 1 July 2015\nUpdated 2 July 2015 14:30 BST");

        Assert.Equal(new DateOnly(2015, 7, 1), metadata.Published);
        Assert.Equal(new DateOnly(2015, 7, 2), metadata.Updated);
        Assert.Equal("line 5: updated label", metadata.UpdatedFrom);
    }

    [Fact]
    public void Find_CompletesAYearFromItsPath_NeverFromToday()
    {
        // The weekday fits 2015 (2 July 2015 was a Thursday), the year folder gives it.
        var fromPath = Find("Published Thursday (2 July)", path: "2015/07/calais.txt");
        Assert.Equal(new DateOnly(2015, 7, 2), fromPath.Published);
        Assert.Equal("line 4: published label (year from the path)", fromPath.PublishedFrom);

        // A folder year the weekday does not fit: nothing.
        Assert.Null(Find("Published Thursday (2 July)", path: "2016/07/calais.txt").Published);

        // No year anywhere: nothing.
        Assert.Null(Find("Published Thursday (2 July)").Published);
    }

    [Fact]
    public void Find_ReadsAWireDateline_InTheLead()
    {
        var text = new TextNormalizer().Normalize(
            "Calais deal signed\n"
            + "LONDON, July 2 (Reuters) - Britain and France signed a deal on Thursday to tackle migrants at Calais, officials said.\n"
            + "The ministers first met on 30 June 2015 in Paris, where the plan for new fences at the port was drawn up.");
        var lines = text.Text.Split('\n');
        var stripped = new StrippedText([new KeptLine(1, lines[0]), new KeptLine(2, lines[1]), new KeptLine(3, lines[2])], []);

        var metadata = new MetadataFinder().Find(text, stripped, "reuters/2015/0001.txt");

        Assert.Equal(new DateOnly(2015, 7, 2), metadata.Published);
        Assert.Equal("line 2: wire dateline (year from the path)", metadata.PublishedFrom);

        // The year of another event in the story ("first met on 30 June 2015") does not complete the dateline.
        Assert.Null(new MetadataFinder().Find(text, stripped, "reuters/0001.txt").Published);
    }

    [Fact]
    public void Find_TakesTheDateNearestTheLead_NotAnEarlierOne()
    {
        var metadata = Find("Related: Dover ferries resume\n3 June 2015\nSecurity\nBy Jane Smith\n2 July 2015");

        Assert.Equal(new DateOnly(2015, 7, 2), metadata.Published);
    }

    [Fact]
    public void Find_ReadsADateLineUnderTheLead()
    {
        Assert.Equal(new DateOnly(2015, 7, 2), Find("2 July 2015", dateBelowLead: true).Published);
    }

    [Fact]
    public void Find_ReadsALabelledDateFurtherIntoTheArticle_ButNoBareOne()
    {
        var filler = string.Join('\n', Enumerable.Repeat("Share this story", 20));

        var labelled = Find(filler + "\nPublished Apr 26, 2023", dateBelowLead: true);
        Assert.Equal(new DateOnly(2023, 4, 26), labelled.Published);
        Assert.Equal("line 25: published label", labelled.PublishedFrom);

        // A bare date that far below the lead is a related story's or a comment's.
        Assert.Null(Find(filler + "\nApr 26, 2023", dateBelowLead: true).Published);
    }

    [Fact]
    public void Find_ReadsALabelledDateFarAboveTheLead_ButNoBareOne()
    {
        var menus = string.Join('\n', Enumerable.Repeat("Sections", 70));

        var labelled = Find("Published: Nov. 19, 2025\n" + menus);
        Assert.Equal(new DateOnly(2025, 11, 19), labelled.Published);
        Assert.Equal("line 4: published label", labelled.PublishedFrom);

        Assert.Null(Find("Nov. 19, 2025\n" + menus).Published);
    }

    [Fact]
    public void Find_PlacesAWeekdayInTheSettingsWindow_OnlyWhenOneYearFits()
    {
        // 2 July was a Thursday in 2009, 2015 and 2020.
        var window = new MetadataFinderOptions { WeekdayYearFrom = 2013, WeekdayYearTo = 2018 };
        var metadata = FindWith(window, "Published Thursday (2 July)");
        Assert.Equal(new DateOnly(2015, 7, 2), metadata.Published);
        Assert.Equal("line 4: published label (year from the weekday, in 2013-2018)", metadata.PublishedFrom);

        // Two years of the window fit: nothing.
        Assert.Null(FindWith(new MetadataFinderOptions { WeekdayYearFrom = 2009, WeekdayYearTo = 2016 }, "Published Thursday (2 July)").Published);

        // No weekday written: nothing, whatever the window.
        Assert.Null(FindWith(window, "Published 2 July").Published);

        // The settings' default: no window.
        Assert.Null(FindWith(new MetadataFinderOptions(), "Published Thursday (2 July)").Published);
    }
}

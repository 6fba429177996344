using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Metadata;
using ArticleIndexer.Core.Normalization;

namespace ArticleIndexer.Core.Tests.Metadata;

public class MetadataFinderTests
{
    private const string Lead = "The Home Secretary signed the agreement with her French counterpart in Calais on the day.";

    // A file of lines: the headline, what the row gives, the lead (kept), a second paragraph (kept).
    private static ArticleMetadata Find(string around, string path = "calais.txt", bool dateBelowLead = false)
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

        return new MetadataFinder().Find(text, new StrippedText(kept, []), path);
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
}

using System.Text;
using ArticleIndexer.Core.Normalization;
using ArticleIndexer.Core.Tests.Support;

namespace ArticleIndexer.Core.Tests.Normalization;

public class HardWrapsTests
{
    private readonly TextNormalizer normalizer = new();

    // Reuters-21578's shape (reut-05321, reut-05128): an all-capitals headline, a dateline paragraph, paragraphs
    // indented by four spaces, table rows, a note wrapped over several lines, the " Reuter" sign-off.
    private const string WireCopy =
        "JAPAN SALES TAX MAY FORCE NAKASONE OUT OF OFFICE\n" +
        "TOKYO, March 2 - Prime Minister Yasuhiro Nakasone is likely\n" +
        "to leave office this summer amid opposition to his\n" +
        "controversial tax-reform package, political analysts said.\n" +
        "    They said Nakasone's reputation as a skilled politician has\n" +
        "suffered irreparable damage from his support of a five pct\n" +
        "sales tax planned for January 1988.\n" +
        "    Net profit 738,000 vs loss 4,643,000\n" +
        "    Sales 50.9 mln vs 43.8 mln\n" +
        "    \"Nakasone will almost certainly step down as soon as\n" +
        "parliament approves the sales tax, probably in the summer,\"\n" +
        "Shiratori said.\n" +
        " Reuter\n";

    // reut-00318 signs off with "REUTER" at the left edge, under a full line that ends a sentence.
    [Fact]
    public void Join_LeavesASignOffAfterASentenceOnItsLine()
    {
        var text = WireCopy.Replace(" Reuter\n", "    Gemayel had agreed to the proposals in two months of\nindirect negotiations with Syrian leaders, the sources said.\nREUTER\n");

        Assert.EndsWith("the sources said.\nREUTER\n", normalizer.Normalize(text).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Join_RebuildsTheParagraphsOfWireCopy()
    {
        var text = normalizer.Normalize(WireCopy).Text;

        Assert.Equal(
            "JAPAN SALES TAX MAY FORCE NAKASONE OUT OF OFFICE\n" +
            "TOKYO, March 2 - Prime Minister Yasuhiro Nakasone is likely to leave office this summer amid opposition to his controversial tax-reform package, political analysts said.\n" +
            "They said Nakasone's reputation as a skilled politician has suffered irreparable damage from his support of a five pct sales tax planned for January 1988.\n" +
            "Net profit 738,000 vs loss 4,643,000\n" +
            "Sales 50.9 mln vs 43.8 mln\n" +
            "\"Nakasone will almost certainly step down as soon as parliament approves the sales tax, probably in the summer,\" Shiratori said.\n" +
            "Reuter\n",
            text);
    }

    [Fact]
    public void Join_KeepsAnAllCapitalsHeadlineOffItsStory_AndAnyFirstLineThatWouldHaveFitted()
    {
        // reut-05104 has a lower-case headline; its first word on the next line would have fitted beside it.
        var text = "Venezuela's biggest private debtor faces default\n" + string.Join("\n", WireCopy.Split('\n')[1..]);

        var lines = normalizer.Normalize(text).Text.Split('\n');

        Assert.Equal("Venezuela's biggest private debtor faces default", lines[0]);
        Assert.StartsWith("TOKYO, March 2 - Prime Minister", lines[1]);
    }

    [Fact]
    public void Join_TakesADashThatAWrapBroughtToTheLineStart_AsPartOfTheSentence()
    {
        var text = WireCopy.Replace("TOKYO, March 2 - Prime Minister Yasuhiro Nakasone is likely\n", "TOKYO, March 2 and the rest of the day in the capital city\n- Prime Minister Yasuhiro Nakasone is likely\n");

        var lines = normalizer.Normalize(text).Text.Split('\n');

        Assert.StartsWith("TOKYO, March 2 and the rest of the day in the capital city - Prime Minister", lines[1]);
    }

    [Fact]
    public void Join_LeavesAListAfterASentenceAlone()
    {
        var text = WireCopy.Replace("Shiratori said.\n", "Shiratori said. The analysts listed three reasons for this view:\n- the tax\n- the polls\n");

        var normalized = normalizer.Normalize(text).Text;

        Assert.Contains("three reasons for this view:\n- the tax\n- the polls\n", normalized, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Seeds.Ids), MemberType = typeof(Seeds))]
    public void Join_LeavesTextWithAParagraphPerLineAlone(string id)
    {
        var raw = File.ReadAllText(Seeds.File(id).FullPath);

        Assert.Same(raw, HardWraps.Join(raw));
    }

    [Fact]
    public void Join_LeavesShortLinesAlone_AMenuIsNoWrappedText()
    {
        var menu = string.Join("\n", Enumerable.Range(1, 30).Select(i => $"section number {i} of the site"));

        Assert.Same(menu, HardWraps.Join(menu));
    }

    // Every seed wrapped as a mail client or a wire system would (each paragraph broken greedily at the width; paragraphs
    // apart by a blank line or by an indented first line) normalises to the seed's own paragraphs.
    [Theory]
    [MemberData(nameof(WrappedSeeds))]
    public void Normalize_UndoesAGreedyWrap_OfEverySeed(string id, int width, bool indented)
    {
        var paragraphs = normalizer.Normalize(File.ReadAllText(Seeds.File(id).FullPath)).Text
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var wrapped = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            wrapped.Append(Wrap(paragraph, width, indented ? "    " : string.Empty));
            wrapped.Append(indented ? "\n" : "\n\n");
        }

        var normalized = normalizer.Normalize(wrapped.ToString()).Text;

        Assert.Equal(string.Join(indented ? "\n" : "\n\n", paragraphs), normalized.TrimEnd('\n'));
        Assert.Equal(normalized, normalizer.Normalize(normalized).Text);
    }

    public static TheoryData<string, int, bool> WrappedSeeds()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var id in Seeds.All)
        {
            foreach (var width in new[] { 60, 72, 80 })
            {
                data.Add(id, width, false);
                data.Add(id, width, true);
            }
        }

        return data;
    }

    // lynx -dump: paragraphs three columns in, headings at the edge, list items five in with their text two further,
    // a blockquote five in (extraction-dev 2789 and 0163, lynx 2.9.0).
    private const string LynxDump =
        "Documenting common operations in your README.md\n\n" +
        "   Many AI agents will look at your README.md file when getting oriented\n" +
        "   on your code. README.md files often contain common context on what your\n" +
        "   codebase represents as well as standard practices for configuring,\n" +
        "   building, deploying, and testing your application.\n\n" +
        "     * Each data analytics tool serves a different purpose, and the best\n" +
        "       one depends on your needs and background.\n" +
        "     * Visual tools such as Power BI, Tableau, and Looker Studio help\n" +
        "       users present and explore data without writing code.\n\n" +
        "     This application relies on .NET 10 and can be built using dotnet\n" +
        "     build. Unit tests can be run via dotnet test and are important to\n" +
        "     run all tests in the solution in this way before considering any\n" +
        "     change complete.\n";

    [Fact]
    public void Join_RebuildsTheParagraphsOfALynxDump_IndentedBlocksAndListItems()
    {
        var text = normalizer.Normalize(LynxDump).Text;

        Assert.Equal(
            "Documenting common operations in your README.md\n\n" +
            "Many AI agents will look at your README.md file when getting oriented on your code. README.md files often contain common context on what your codebase represents as well as standard practices for configuring, building, deploying, and testing your application.\n\n" +
            "• Each data analytics tool serves a different purpose, and the best one depends on your needs and background.\n" +
            "• Visual tools such as Power BI, Tableau, and Looker Studio help users present and explore data without writing code.\n\n" +
            "This application relies on .NET 10 and can be built using dotnet build. Unit tests can be run via dotnet test and are important to run all tests in the solution in this way before considering any change complete.\n",
            text);
    }

    // w3m -dump: paragraphs at the edge, a bulleted item's text four columns in, a numbered item's three in, a table
    // wider than the page and a rule drawn across it (extraction-dev 1657).
    [Fact]
    public void Join_RebuildsAW3mDump_ButNotItsTableRowsNorItsRules()
    {
        var dump =
            "We chose Allianz as the best travel insurance for seniors thanks to their high\n" +
            "coverage limits, customizable plans, and optional coverage for preexisting\n" +
            "conditions.\n\n" +
            "  • Coverage for preexisting conditions with select plans and for trips booked\n" +
            "    up to a year in advance, with no upper age limit on most of the plans\n" +
            "  • 10 customizable plans\n\n" +
            "1. We checked out each carrier’s website to see what they offered (focusing on\n" +
            "   age limits and health restrictions). We prioritized carriers that had\n" +
            "   easy-to-understand information about plans and the ability to get quotes\n" +
            "   and apply online.\n" +
            "│  Characteristics                          │ Intervention (n=41)                       │ Control (n=47)    │\n" +
            "│  Age, years                               │ 71.2                                      │ 70.8              │\n" +
            "━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\n" +
            "Get a Quote Links to Travelinsurance.com\n";

        var lines = normalizer.Normalize(dump).Text.Split('\n');

        Assert.Equal("We chose Allianz as the best travel insurance for seniors thanks to their high coverage limits, customizable plans, and optional coverage for preexisting conditions.", lines[0]);
        Assert.Equal("• Coverage for preexisting conditions with select plans and for trips booked up to a year in advance, with no upper age limit on most of the plans", lines[2]);
        Assert.Equal("• 10 customizable plans", lines[3]);
        Assert.Equal("1. We checked out each carrier’s website to see what they offered (focusing on age limits and health restrictions). We prioritized carriers that had easy-to-understand information about plans and the ability to get quotes and apply online.", lines[5]);
        Assert.StartsWith("│ Characteristics │", lines[6]);
        Assert.StartsWith("│ Age, years │", lines[7]);
        Assert.Equal("Get a Quote Links to Travelinsurance.com", lines[9]);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(132)]
    [InlineData(180)]
    public void Normalize_UndoesAWrapAtAnyWidthATextBrowserIsGiven(int width)
    {
        var paragraphs = normalizer.Normalize(File.ReadAllText(Seeds.File(Seeds.Itv).FullPath)).Text
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var dump = string.Concat(paragraphs.Select(p => Wrap(p, width, "") + "\n\n"));

        Assert.Equal(string.Join("\n\n", paragraphs), normalizer.Normalize(dump).Text.TrimEnd('\n'));
    }

    // html2text breaks a word at its hyphen ("long-" / "term"); lynx's list of links is as wide as its addresses.
    [Fact]
    public void Join_MendsAWordBrokenAtItsHyphen_AndIsNotFooledByLongAddresses()
    {
        var paragraphs = normalizer.Normalize(File.ReadAllText(Seeds.File(Seeds.Kent).FullPath)).Text
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var dump = string.Concat(paragraphs.Select(p => Wrap(p, 79, "") + "\n\n"))
            + "From athletes to busy professionals, everyone is looking for ways to stay long-\nterm healthy, the minister said.\n\n"
            + string.Concat(Enumerable.Range(1, 12).Select(i => $"   {i}. https://www.kentonline.co.uk/news/a-very-long-address-of-a-story-{i}-that-no-wrap-breaks.html\n"));

        var text = normalizer.Normalize(dump).Text;

        Assert.StartsWith(string.Join("\n\n", paragraphs), text);
        Assert.Contains("\n\nFrom athletes to busy professionals, everyone is looking for ways to stay long-term healthy, the minister said.\n\n1. https://", text);
    }

    // html2text leaves no blank line between blocks: a heading between stars follows a full last line of a paragraph
    // (the seeds' news page as html2text draws it, RendererTests).
    [Fact]
    public void Join_NeverJoinsAHeadingBetweenStars_ToTheParagraphAboveIt()
    {
        var dump =
            "Only a fraction of migrants to the EU ultimately end up trying to get into\n" +
            "Britain. Tens of thousands of people arrive in Italy and Greece each week after\n" +
            "fleeing conflict and persecution in countries like Syria, Libya, Iraq and\n" +
            "several other Middle Eastern and African states. The German government expects\n" +
            "the number of asylum applications to quadruple to 800,000 this year, it said on\n" +
            "Thursday, the ministry said in a statement it released in Berlin on Thursday.\n" +
            "***** Related stories *****\n" +
            "    * Calais_migrants:_what_is_happening_and_why\n" +
            "***** Get our morning briefing *****\n" +
            "Sign up for our daily newsletter and get the day's top stories in your inbox.\n";

        var lines = normalizer.Normalize(dump).Text.Split('\n');

        Assert.EndsWith("on Thursday.", lines[0]);
        Assert.Equal("Related stories", lines[1]);
        Assert.Equal("• Calais migrants: what is happening and why", lines[2]);
        Assert.Equal("Get our morning briefing", lines[3]);
    }

    [Fact]
    public void Normalize_TwiceChangesNothing_OnWireCopy()
    {
        var once = normalizer.Normalize(WireCopy).Text;

        Assert.Equal(once, normalizer.Normalize(once).Text);
    }

    private static string Wrap(string paragraph, int width, string indent)
    {
        var lines = new List<string>();
        var line = new StringBuilder(indent);
        var empty = true;
        foreach (var word in paragraph.Split(' '))
        {
            if (!empty && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
                empty = true;
            }

            line.Append(empty ? string.Empty : " ").Append(word);
            empty = false;
        }

        lines.Add(line.ToString());
        return string.Join("\n", lines);
    }
}

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

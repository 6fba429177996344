using ArticleIndexer.Core.Boilerplate;

namespace ArticleIndexer.Core.Tests.Boilerplate;

public class LineRepeatsTests
{
    [Theory]
    [InlineData("Follow KentOnline on X", "follow kentonline on x")]
    [InlineData("Sign up for our newsletter!", "Sign up for our newsletter")]
    [InlineData("Updated 3 June 2015", "Updated 14 June 1999")]
    [InlineData("  REUTER  ", "Reuter")]
    [InlineData("Share: Facebook / Twitter", "share facebook twitter")]
    public void Key_IgnoresCaseDigitsAndPunctuation(string line, string same) =>
        Assert.Equal(LineRepeats.Key(line), LineRepeats.Key(same));

    [Theory]
    [InlineData("Follow KentOnline on X", "Follow KentOnline on Facebook")]
    [InlineData("Updated 3 June", "Updated June")]
    public void Key_TellsLinesWithOtherWordsApart(string line, string other) =>
        Assert.NotEqual(LineRepeats.Key(line), LineRepeats.Key(other));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("— * —")]
    public void Key_IsZero_ForALineWithNoLetterOrDigit(string line) =>
        Assert.Equal(0UL, LineRepeats.Key(line));

    [Fact]
    public void KeysOf_GivesSortedDistinctKeys_WithoutBlankOrOverlongLines()
    {
        var keys = LineRepeats.KeysOf("Sign up\n\nsign up!\nThe minister said so.\n" + new string('a', LineRepeats.MaxLineLength + 1));

        Assert.Equal(new[] { LineRepeats.Key("Sign up"), LineRepeats.Key("The minister said so.") }.Order(), keys);
    }

    [Fact]
    public void Build_KeepsOnlyLinesSeenInTwoOrMoreArticles_AndCountsEveryArticle()
    {
        var builder = new LineRepeats.Builder();
        builder.AddText("Sign up for our newsletter\nThe ferry port reopened on Friday.");
        builder.AddText("Sign up for our newsletter\nPolice said the operation would continue.");
        builder.AddText("SIGN UP FOR OUR NEWSLETTER!\nOfficials declined to comment.");

        var repeats = builder.Build();

        Assert.Equal((3, 1), (repeats.Articles, repeats.RepeatedLines));
        Assert.Equal(3, repeats.ArticlesContaining("Sign up for our newsletter"));
        Assert.Equal(0, repeats.ArticlesContaining("The ferry port reopened on Friday."));
    }

    [Fact]
    public void SaveThenLoad_GivesTheSameCounts()
    {
        var builder = new LineRepeats.Builder();
        builder.Add([1, 2, 3]);
        builder.Add([2, 3]);
        builder.Add([3, 4]);
        var repeats = builder.Build();
        using var stream = new MemoryStream();

        repeats.Save(stream);
        stream.Position = 0;
        var loaded = LineRepeats.Load(stream);

        Assert.Equal(12 + 2 * 12, stream.Length);
        Assert.Equal((3, 2), (loaded.Articles, loaded.RepeatedLines));
        Assert.Equal([0, 2, 3, 0], new ulong[] { 1, 2, 3, 4 }.Select(loaded.ArticlesContaining));
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x31, 0x50, 0x52, 0x4C, 0x05, 0x00, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x31, 0x50, 0x52, 0x4C, 0x05, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x7F, 0x01, 0x02 })]
    public void Load_Throws_InvalidDataException_ForAnythingButATable(byte[] bytes) =>
        Assert.Throws<InvalidDataException>(() => LineRepeats.Load(new MemoryStream(bytes)));
}

using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Tests.Support;
using ArticleIndexer.Core.Titles;

namespace ArticleIndexer.Core.Tests.Titles;

public class TitleFinderTests
{
    [Theory]
    [InlineData(Seeds.Kent, null)]
    [InlineData(Seeds.BusinessStandard, null)]
    [InlineData(Seeds.Euractiv, null)]
    [InlineData(Seeds.Headline, "France, Britain agree to stop migrant flow")]
    [InlineData(Seeds.Itv, "UK and France announce joint police command to tackle people-smugglers")]
    public void Find_TakesTheHeadline_OnlyWhereTheSeedHasOne(string id, string? title)
    {
        var article = Seeds.Process(id);

        Assert.Equal(title, article.Title);
        if (title is not null)
        {
            Assert.DoesNotContain(title, article.Body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Police close the port", true)]
    [InlineData("The port was closed on Friday.", false)]
    [InlineData("He said:", false)]
    [InlineData("what a lowercase start", false)]
    [InlineData("LOS ANGELES, March 16 - Shr profit nine cts vs loss 58 cts", false)]
    public void LooksLikeHeadline_WantsAShortUnpunctuatedLine(string line, bool expected) =>
        Assert.Equal(expected, TitleFinder.LooksLikeHeadline(line));

    [Fact]
    public void Find_TakesNoTitle_WhenTheOnlyLineIsShort()
    {
        var titled = new TitleFinder().Find(new StrippedText([new KeptLine(1, "Police close the port")], []));

        Assert.Null(titled.Title);
        Assert.Equal("Police close the port", titled.Body);
    }
}

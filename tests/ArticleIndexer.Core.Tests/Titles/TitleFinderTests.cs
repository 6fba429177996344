using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Tests.Support;
using ArticleIndexer.Core.Titles;

namespace ArticleIndexer.Core.Tests.Titles;

public class TitleFinderTests
{
    private const string Lead = "Fall is not just pumpkin spice season, it is also a time when nutrition trends take centre stage.";
    private const string Second = "At our kitchen we follow the nutrition world so you do not have to, and fall brings new trends.";

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

    [Fact]
    public void Find_TakesTheHeadlineLine_TheCleanerDroppedWithTheMenusAboveIt()
    {
        var text = Page(
            ("Home", BoilerplateRules.UiLabel),
            ("Meal Prep", BoilerplateRules.BeforeArticle),
            ("Partner With Us", BoilerplateRules.BeforeArticle),
            ("Top Nutrition Trends for Fall 2025", BoilerplateRules.BeforeArticle),
            ("By Andrew King", BoilerplateRules.Byline),
            ("September 4, 2025", BoilerplateRules.Dateline),
            (Lead, null),
            (Second, null));

        var titled = new TitleFinder().Find(text);

        Assert.Equal("Top Nutrition Trends for Fall 2025", titled.Title);
        Assert.Equal("line 4: headline line, 3 lines above the lead", titled.TitleFrom);
        Assert.Equal(Lead + "\n\n" + Second, titled.Body);
        Assert.Empty(titled.Moved);
    }

    [Fact]
    public void Find_TakesTheHeadlineOverTheByline_RatherThanAMenuItemNearerTheLead()
    {
        var text = Page(
            ("Nutrition Trends for Fall 2025", BoilerplateRules.BeforeArticle),
            ("Written by Andrew King", BoilerplateRules.Byline),
            ("Published September 4, 2025", BoilerplateRules.Dateline),
            ("Order Your Box Today", BoilerplateRules.BeforeArticle),
            (Lead, null),
            (Second, null));

        Assert.Equal("Nutrition Trends for Fall 2025", new TitleFinder().Find(text).Title);
    }

    // Each row: a line right above the lead, the only line that could be the title, and why it is none.
    [Theory]
    [InlineData("September 4, 2025", null)] // a date line
    [InlineData("By Andrew King and Jane Smith", null)] // a byline
    [InlineData("Updated Sept 5 2025 at 10:00", null)] // an update line
    [InlineData("5 min read", null)] // a reading time
    [InlineData("• Nutrition Trends for Fall", null)] // a list item: a menu
    [InlineData("The trends were announced on Friday.", null)] // a sentence
    [InlineData("Filed under: Nutrition Trends", null)] // a label
    [InlineData("nutrition trends for fall", null)] // no capital: a fragment
    [InlineData("Home & Garden", BoilerplateRules.UiLabel)] // dropped as furniture
    [InlineData("Subscribe to Our Nutrition Letter", BoilerplateRules.Newsletter)] // dropped as a newsletter call
    public void Find_TakesNoTitle_FromLinesThatAreNoHeadline(string line, string? rule)
    {
        var text = Page((line, rule ?? BoilerplateRules.BeforeArticle), (Lead, null), (Second, null));

        var titled = new TitleFinder().Find(text);

        Assert.Null(titled.Title);
        Assert.Equal(Lead + "\n\n" + Second, titled.Body);
    }

    [Fact]
    public void Find_TakesNoTitle_FromALineOtherArticlesRepeat()
    {
        var builder = new LineRepeats.Builder();
        builder.AddText("Healthy Recipes For Every Week\nSomething else entirely.");
        builder.AddText("Healthy Recipes For Every Week\nAnother story here.");
        var text = Page(("Healthy Recipes For Every Week", BoilerplateRules.BeforeArticle), (Lead, null), (Second, null));

        Assert.Null(new TitleFinder().Find(text, builder.Build()).Title);
        Assert.Equal("Healthy Recipes For Every Week", new TitleFinder().Find(text).Title);
    }

    [Fact]
    public void Find_MovesTheLabelsAboveAKeptHeadline_OutOfTheBody_WithWhy()
    {
        var text = Page(
            ("Select Page", null),
            ("Nutrition Trends for Fall 2025", null),
            ("By Andrew King", BoilerplateRules.Byline),
            (Lead, null),
            (Second, null));

        var titled = new TitleFinder().Find(text);

        Assert.Equal("Nutrition Trends for Fall 2025", titled.Title);
        Assert.Equal(Lead + "\n\n" + Second, titled.Body);
        var moved = Assert.Single(titled.Moved);
        Assert.Equal(new StrippedLine(1, "Select Page", BoilerplateRules.BeforeArticle, "above the headline"), moved);
    }

    [Fact]
    public void Find_MovesTheHeadlineWrittenAgain_OutOfTheBody()
    {
        var text = Page(
            ("What Is Cloud Computing?", BoilerplateRules.LineModel),
            ("What is cloud computing?", null),
            (Lead, null),
            (Second, null));

        var titled = new TitleFinder().Find(text);

        Assert.Equal("What Is Cloud Computing?", titled.Title);
        Assert.Equal(Lead + "\n\n" + Second, titled.Body);
        Assert.Equal("the headline again", Assert.Single(titled.Moved).Detail);
    }

    [Fact]
    public void Find_PrefersTheLineABreadcrumbEndsIn()
    {
        var text = Page(
            ("Home » Guides » Nutrition Trends for Fall", BoilerplateRules.Navigation),
            ("Nutrition Trends for Fall", BoilerplateRules.BeforeArticle),
            ("Fresh Meals Delivered Weekly", BoilerplateRules.BeforeArticle),
            (Lead, null),
            (Second, null));

        Assert.Equal("Nutrition Trends for Fall", new TitleFinder().Find(text).Title);
    }

    [Theory]
    [InlineData("“Nutrition” – Trends: Fall", "nutrition trends fall")]
    [InlineData("Nutrition | Trends", "nutrition trends")]
    [InlineData("  NUTRITION  trends ", "nutrition trends")]
    public void Fold_ComparesLinesAsTheScorerDoes(string line, string folded) =>
        Assert.Equal(folded, TitleFinder.Fold(line));

    // Non-blank lines in order, numbered from 1: kept when the rule is null.
    private static StrippedText Page(params (string Text, string? Rule)[] lines)
    {
        var kept = new List<KeptLine>();
        var dropped = new List<StrippedLine>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Rule is { } rule)
            {
                dropped.Add(new StrippedLine(i + 1, lines[i].Text, rule));
            }
            else
            {
                kept.Add(new KeptLine(i + 1, lines[i].Text));
            }
        }

        return new StrippedText(kept, dropped);
    }
}

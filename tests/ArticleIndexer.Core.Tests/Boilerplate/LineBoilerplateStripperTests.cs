using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Tests.Support;

namespace ArticleIndexer.Core.Tests.Boilerplate;

public class LineBoilerplateStripperTests
{
    // The rules alone, for the tests of single rules; the seeds go through the product's cleaner, model included.
    private readonly LineBoilerplateStripper stripper = LineBoilerplateStripper.RulesOnly;

    [Theory]
    [InlineData("Share", BoilerplateRules.UiLabel)]
    [InlineData("Comments (12)", BoilerplateRules.UiLabel)]
    [InlineData("Advertisement", BoilerplateRules.Advertisement)]
    [InlineData("ADVERTISEMENT", BoilerplateRules.Advertisement)]
    [InlineData("Story continues below advertisement", BoilerplateRules.Advertisement)]
    [InlineData("More on KentOnline", BoilerplateRules.MoreOn)]
    [InlineData("New British funded fencing at Calais. Credit: ITV News", BoilerplateRules.PhotoCredit)]
    [InlineData("Photo: AFP", BoilerplateRules.PhotoCredit)]
    [InlineData("Subscribe now for unlimited access.", BoilerplateRules.Paywall)]
    [InlineData("You’ve reached your limit of {{free_limit}} free articles this month.", BoilerplateRules.Paywall)]
    [InlineData("To continue reading, please register.", BoilerplateRules.Paywall)]
    [InlineData("This article is for members.", BoilerplateRules.Paywall)]
    [InlineData("Share: (3)", BoilerplateRules.UiLabel)]
    [InlineData("Hello {{user_name}}", BoilerplateRules.Template)]
    [InlineData("₹300/Month", BoilerplateRules.PriceOrCounter)]
    [InlineData("£4.99 per month", BoilerplateRules.PriceOrCounter)]
    public void Strip_DropsTheLine_WithItsRule(string junk, string rule)
    {
        var result = stripper.Strip(Some.Text(
            "The minister said the plan would be delivered over three years, in full.",
            junk,
            "Officials said the fences would be finished before the summer holidays began."));

        var dropped = Assert.Single(result.Dropped);
        Assert.Equal(rule, dropped.Rule);
        Assert.Equal(2, dropped.LineNumber);
        Assert.Equal(2, result.Kept.Count);
    }

    [Theory]
    [InlineData("She said the credit card data was never shared with the agency.")]
    [InlineData("Readers who subscribe to the newsletter get the report first, the company said.")]
    [InlineData("More on that later, the minister told reporters in Calais on Thursday.")]
    [InlineData("The price rose to £300 a month for most families in the town last year.")]
    public void Strip_KeepsArticleSentences_ThatMentionJunkWords(string sentence)
    {
        var result = stripper.Strip(Some.Text("The ferry port reopened on Friday after the strike.", sentence, "Both governments said so."), LineRepeats.Empty);

        Assert.Empty(result.Dropped);
    }

    [Fact]
    public void Strip_EndsAPaywallBlock_AtTheNextLineOfProse()
    {
        var result = stripper.Strip(Some.Text(
            "The ferry port reopened on Friday after a long strike by workers.",
            "Subscribe now for unlimited access.",
            "Smart Quarterly",
            "₹900",
            "Police said the operation would continue through the weekend and into next week.",
            "Officials declined to comment further on the arrangement."));

        Assert.Equal([BoilerplateRules.Paywall, BoilerplateRules.PaywallBlock, BoilerplateRules.PaywallBlock], result.Dropped.Select(d => d.Rule));
        Assert.Equal(3, result.Kept.Count);
    }

    [Fact]
    public void Strip_DropsATruncatedLastLine_ButNeverTheOnlyLine()
    {
        var two = stripper.Strip(Some.Text("The ferry port reopened on Friday.", "Migrants wait in a migrant camp called"), LineRepeats.Empty);
        var one = stripper.Strip(Some.Text("Migrants wait in a migrant camp called"), LineRepeats.Empty);

        Assert.Equal(BoilerplateRules.TruncatedTrailingLine, Assert.Single(two.Dropped).Rule);
        Assert.Empty(one.Dropped);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Strip_MatchesTheGoldenFiles_ForEverySeed(string prefix)
    {
        var id = Seeds.All.Single(s => s.StartsWith(prefix, StringComparison.Ordinal));
        var article = Seeds.Process(id);

        var cleaned = (article.Title is null ? string.Empty : "# " + article.Title + "\n\n") + article.Body + "\n";
        var stripped = string.Concat(article.Stripped.Select(s => $"{s.LineNumber}\t{s.Rule}\t{s.Text}\n"));
        Assert.Equal(Seeds.Expected(prefix + ".cleaned.txt"), cleaned);
        Assert.Equal(Seeds.Expected(prefix + ".stripped.txt"), stripped);
    }

    [Theory]
    [MemberData(nameof(Seeds.Ids), MemberType = typeof(Seeds))]
    public void Strip_LosesNoSentence_EveryLineIsKeptOrDroppedWithAReason(string id)
    {
        var raw = new ArticleIndexer.Core.Normalization.TextNormalizer().Normalize(File.ReadAllText(Seeds.File(id).FullPath));
        var result = new LineBoilerplateStripper().Strip(raw, LineRepeats.Empty);

        var nonBlank = raw.Text.Split('\n').Count(l => l.Length > 0);
        Assert.Equal(nonBlank, result.Kept.Count + result.Dropped.Count);
        Assert.All(result.Dropped, d => Assert.False(string.IsNullOrEmpty(d.Rule)));
        Assert.All(result.Kept, k => Assert.DoesNotContain("Credit:", k.Text, StringComparison.Ordinal));
        Assert.All(result.Kept, k => Assert.DoesNotContain("ubscri", k.Text, StringComparison.Ordinal));
    }
}

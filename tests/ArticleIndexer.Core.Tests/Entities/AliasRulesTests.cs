using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Tests.Support;

namespace ArticleIndexer.Core.Tests.Entities;

/// <summary>The alias file: merges, splits, and every bad line reported with its number.</summary>
public class AliasRulesTests
{
    [Fact]
    public void Parse_MergesEveryNameOnTheRight_IntoTheNameOnTheLeft_IgnoringCaseAndAccents()
    {
        var rules = AliasRules.Parse("place: United States = US | U.S. | America\n");

        Assert.Equal(["United States", "United States", "United States", "Québec"],
            [rules.Merge(EntityKind.Place, "US"), rules.Merge(EntityKind.Place, "u.s."), rules.Merge(EntityKind.Place, "AMERICA"), rules.Merge(EntityKind.Place, "Québec")]);
        Assert.Equal("US", rules.Merge(EntityKind.Organization, "US")); // another kind
        Assert.Empty(rules.Problems);
    }

    [Fact]
    public void Parse_FollowsAChainOfMerges()
    {
        var rules = AliasRules.Parse("place: UK = U.K.\nplace: United Kingdom = UK\n");

        Assert.Equal("United Kingdom", rules.Merge(EntityKind.Place, "U.K."));
    }

    [Fact]
    public void Parse_ReadsASplit_ForThatPairOnly()
    {
        var rules = AliasRules.Parse("person: Cameron != David Cameron\n");

        Assert.True(rules.Splits(EntityKind.Person, "cameron", "David Cameron"));
        Assert.False(rules.Splits(EntityKind.Person, "Cameron", "Samantha Cameron"));
        Assert.False(rules.Splits(EntityKind.Place, "Cameron", "David Cameron"));
    }

    [Theory]
    [InlineData("United States = US", 1, "expected 'KIND: NAME = OTHER")]
    [InlineData("country: France = FR", 1, "unknown kind 'country'")]
    [InlineData("place: France", 1, "no '=' (merge) or '!=' (split)")]
    [InlineData("place: = FR", 1, "a merge needs a name before '='")]
    [InlineData("place: France = FR |", 1, "a merge needs a name before '='")]
    [InlineData("person: May != Theresa May | Brian May", 1, "a split takes one name on each side")]
    [InlineData("# comment\n\nplace: US = USA\nplace: United States = USA", 4, "'USA' is already merged into 'US' on line 3")]
    [InlineData("place: A = B\nplace: B = A", 1, "merged back into itself")]
    public void Parse_ReportsABadLine_WithItsNumber_AndKeepsTheOthers(string text, int line, string message)
    {
        var rules = AliasRules.Parse(text + "\norg: European Union = EU\n");

        var problem = Assert.Single(rules.Problems, p => p.Line == line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal("European Union", rules.Merge(EntityKind.Organization, "EU"));
    }

    [Fact]
    public void Fingerprint_IgnoresCommentsSpacingAndOrder_ButNotTheDirectives()
    {
        var a = AliasRules.Parse("place: United States = US | USA\nperson: Cameron != David Cameron\n");
        var b = AliasRules.Parse("# mine\nperson:Cameron!=David Cameron\n\n  place : United States = USA|US  \n");
        var c = AliasRules.Parse("place: United States = US\nperson: Cameron != David Cameron\n");

        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.NotEqual(a.Fingerprint, c.Fingerprint);
        Assert.NotEqual(a.Fingerprint, AliasRules.Empty.Fingerprint);
    }

    [Fact]
    public void Load_OfAMissingFile_IsNoRule()
    {
        using var temp = new TempFolder();

        var rules = AliasRules.Load(temp.Combine("aliases.txt"));

        Assert.Equal((0, 0), (rules.Directives, rules.Problems.Count));
    }

    [Fact]
    public void PathFor_AGenerationFolder_IsInTheIndexRoot()
    {
        Assert.Equal(Path.GetFullPath(Path.Combine("idx", "aliases.txt")), AliasRules.PathFor(Path.Combine("idx", "gen-000003")));
        Assert.Equal(Path.GetFullPath(Path.Combine("idx", "aliases.txt")), AliasRules.PathFor("idx"));
    }
}

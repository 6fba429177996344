using ArticleIndexer.Cli.Tests.Support;

namespace ArticleIndexer.Cli.Tests;

public sealed class EntityAndStatsCommandTests(SeedIndexFixture index) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public async Task People_ListsTheresaMayFirst_WithFiveArticles()
    {
        var run = await index.RunAsync("people");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("articles  person", lines[0]);
        Assert.Matches(@"^\s+5  Theresa May  \(also May; ", lines[1]);
    }

    [Fact]
    public async Task People_WithJson_GivesNamesAndArticleCountsMostFirst()
    {
        var run = await index.RunAsync("people", "--json");

        using var json = run.Json();
        Assert.Equal("person", json.RootElement.GetProperty("kind").GetString());
        var first = json.RootElement.GetProperty("entities")[0];
        Assert.Equal("Theresa May", first.GetProperty("name").GetString());
        Assert.Equal(5, first.GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task People_WithALimit_ListsNoMoreThanThat()
    {
        var run = await index.RunAsync("people", "--limit", "2");

        Assert.Equal(3, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("places", "Calais")]
    [InlineData("orgs", "Home Office")]
    public async Task PlacesAndOrgs_ListEntitiesWithArticleCounts(string command, string expectedName)
    {
        var run = await index.RunAsync(command);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Matches($@"(?m)^\s+\d+  {expectedName}(  \(.+\))?$", run.Output);
    }

    [Fact]
    public async Task Places_ListTheCanonicalPlace_WithItsTypeAndEveryAlias()
    {
        var run = await index.RunAsync("places", "--limit", "50");

        Assert.Matches(@"(?m)^\s+5  United Kingdom  \(country, GB; also .*\bUK\b.*\)$", run.Output);
        Assert.Matches(@"(?m)^\s+5  United Kingdom  \(.*\bBritain\b.*\)$", run.Output);
        Assert.Matches(@"(?m)^\s+\d+  Dunkerque  \(city, FR; also Dunkirk\)$", run.Output);
        Assert.DoesNotMatch(@"(?m)^\s+\d+  (UK|Britain|Dunkirk)\b", run.Output);
    }

    [Fact]
    public async Task Places_WithJson_GiveAliasesMentionsAndGazetteerFacts()
    {
        var run = await index.RunAsync("places", "--json");

        using var json = run.Json();
        var uk = json.RootElement.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "United Kingdom");
        Assert.Equal(5, uk.GetProperty("articles").GetInt32());
        Assert.True(uk.GetProperty("mentions").GetInt32() >= 5);
        Assert.Contains("Britain", uk.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("GB", uk.GetProperty("place").GetProperty("countryCode").GetString());
    }

    [Fact]
    public async Task People_ListRolesApartFromNames()
    {
        var run = await index.RunAsync("people");

        Assert.Matches(@"(?m)^\s+\d+  Natacha Bouchart  \(Mayor of Calais\)$", run.Output);
    }

    [Fact]
    public async Task Stats_GivesDocumentsEntitiesSizeAndTheLastPass()
    {
        var run = await index.RunAsync("stats");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("documents      5", run.Output);
        Assert.Matches(@"(?m)^persons        [1-9]\d*$", run.Output);
        Assert.Matches(@"(?m)^index size     .*bytes\)?$", run.Output);
        Assert.Matches(@"(?m)^repeated lines \d+$", run.Output);
        Assert.Matches(@"(?m)^  seen         5$", run.Output);
        Assert.Matches(@"(?m)^  new          5$", run.Output);
    }

    [Fact]
    public async Task Stats_WithJson_GivesTheFiguresAndTheCommitData()
    {
        var run = await index.RunAsync("stats", "--json");

        using var json = run.Json();
        Assert.Equal(5, json.RootElement.GetProperty("documents").GetInt32());
        Assert.True(json.RootElement.GetProperty("sizeBytes").GetInt64() > 0);
        Assert.True(json.RootElement.GetProperty("repeatedLines").GetInt32() >= 0);
        Assert.Equal("5", json.RootElement.GetProperty("lastPass").GetProperty("seen").GetString());
    }
}

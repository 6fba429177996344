using ArticleIndexer.Cli.Tests.Support;

namespace ArticleIndexer.Cli.Tests;

public sealed class SearchCommandTests(SeedIndexFixture index) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public async Task Search_ByPersonTheresaMay_FindsAllFiveSeeds()
    {
        var run = await index.RunAsync("search", "--person", "Theresa May");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(Seeds.All, run.HitIds.Order());
    }

    [Fact]
    public async Task Search_ByPersonCazeneuve_FindsExactlyTheFourArticlesThatNameHim()
    {
        var run = await index.RunAsync("search", "--person", "Cazeneuve");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal([Seeds.Toughen001, Seeds.Agree002, Seeds.Flow003, Seeds.Command004], run.HitIds.Order());
    }

    [Fact]
    public async Task Search_ByPersonNatachaBouchart_FindsOnlyTheDoverArticle()
    {
        var run = await index.RunAsync("search", "--person", "Natacha Bouchart");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal([Seeds.Dover000], run.HitIds);
    }

    [Theory]
    [InlineData("Dover", Seeds.Dover000)]
    [InlineData("Dunkirk", Seeds.Command004)]
    public async Task Search_ByPlace_FindsOnlyTheArticleThatNamesIt(string place, string expectedId)
    {
        var run = await index.RunAsync("search", "--place", place);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal([expectedId], run.HitIds);
    }

    [Fact]
    public async Task Search_CalaisWithPlaceCoquelles_FindsExactlyTheThreeArticlesThatNameCoquelles()
    {
        var run = await index.RunAsync("search", "Calais", "--place", "Coquelles");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal([Seeds.Toughen001, Seeds.Agree002, Seeds.Command004], run.HitIds.Order());
    }

    [Fact]
    public async Task Search_ByPlaceUK_AlsoFindsTheArticleThatOnlySaysBritain()
    {
        var run = await index.RunAsync("search", "--place", "UK");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(Seeds.Toughen001, run.HitIds);
        Assert.Equal(Seeds.All, run.HitIds.Order());
    }

    [Theory]
    [InlineData("subscribe")]
    [InlineData("Advertisement")]
    [InlineData("free_limit")]
    [InlineData("\"Credit: Reuters\"")]
    public async Task Search_ForBoilerplateTheStripperRemoved_FindsNothingAndExitsWithOne(string query)
    {
        var run = await index.RunAsync("search", query);

        Assert.Equal(ExitCodes.NoResults, run.ExitCode);
        Assert.Empty(run.HitIds);
        Assert.Contains("results: 0", run.Output);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task Search_MarksMatchedWordsWithBrackets_WhenWritingToAnInjectedWriter()
    {
        var run = await index.RunAsync("search", "Dunkirk");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("[Dunkirk]", run.Output);
        Assert.DoesNotContain("\u001b", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_MarksMatchedWordsInBoldYellow_WhenColourIsOn()
    {
        var run = await CliRun.InvokeAsync(["search", "Dunkirk", "--index", index.IndexPath], color: true);

        Assert.Contains("\u001b[1;33mDunkirk\u001b[0m", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("[Dunkirk]", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_PrintsIdScorePathTitleAndSnippetForEachHit_ThenTheTotal()
    {
        var run = await index.RunAsync("search", "Dunkirk");

        var lines = run.Output.Split('\n');
        Assert.Matches(@"^004_a93e7030bcac155f  \d+\.\d{3}$", lines[0]);
        Assert.Equal("  004_a93e7030bcac155f.txt", lines[1]);
        Assert.Equal("  UK and France announce joint police command to tackle people-smugglers", lines[2]);
        Assert.Contains("[Dunkirk]", lines[3]);
        Assert.Equal("results: 1", run.Output.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public async Task Search_WithALimitBelowTheTotal_SaysHowManyItShows()
    {
        var run = await index.RunAsync("search", "--person", "Theresa May", "--limit", "2");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(2, run.HitIds.Count);
        Assert.Equal("results: 5, showing 2", run.Output.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public async Task Search_WithJson_WritesOneObjectWithTotalAndHits()
    {
        var run = await index.RunAsync("search", "--person", "Cazeneuve", "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = run.Json();
        Assert.Equal(4, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal([Seeds.Toughen001, Seeds.Agree002, Seeds.Flow003, Seeds.Command004], run.JsonHitIds().Order());
        var hit = json.RootElement.GetProperty("hits")[0];
        foreach (var property in new[] { "id", "path", "title", "score", "snippet", "highlights" })
        {
            Assert.True(hit.TryGetProperty(property, out _), $"hit has no '{property}'");
        }
    }

    [Fact]
    public async Task Search_WithJson_GivesTheHighlightedWordsAndTheirRanges()
    {
        var run = await index.RunAsync("search", "Dunkirk", "--json");

        using var json = run.Json();
        var hit = json.RootElement.GetProperty("hits")[0];
        var snippet = hit.GetProperty("snippet").GetString()!;
        var highlight = hit.GetProperty("highlights")[0];
        var start = highlight.GetProperty("start").GetInt32();
        var length = highlight.GetProperty("length").GetInt32();
        Assert.Equal("Dunkirk", snippet.Substring(start, length));
        Assert.Equal("Dunkirk", highlight.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Search_WithJsonAndNoHit_WritesAnEmptyListAndExitsWithOne()
    {
        var run = await index.RunAsync("search", "subscribe", "--json");

        Assert.Equal(ExitCodes.NoResults, run.ExitCode);
        using var json = run.Json();
        Assert.Equal(0, json.RootElement.GetProperty("total").GetInt32());
        Assert.Empty(run.JsonHitIds());
    }
}

using ArticleIndexer.Operations.History;
using ArticleIndexer.Cli.Tests.Support;

namespace ArticleIndexer.Cli.Tests;

public sealed class RelatedCommandTests(SeedIndexFixture index) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public async Task Related_ToTheFlowArticle_ListsTheOtherFourSeeds_NoneANearDuplicate()
    {
        var run = await index.RunAsync("related", Seeds.Flow003, "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        using var json = run.Json();
        Assert.Equal(Seeds.Flow003, json.RootElement.GetProperty("id").GetString());
        var related = json.RootElement.GetProperty("related").EnumerateArray().ToArray();
        Assert.Equal(Seeds.All.Where(id => id != Seeds.Flow003), related.Select(r => r.GetProperty("id").GetString()).Order());
        Assert.All(related, r => Assert.False(r.GetProperty("nearDuplicate").GetBoolean()));
        Assert.All(related, r => Assert.Contains("Theresa May", r.GetProperty("sharedEntities").EnumerateArray().Select(e => e.GetString())));
    }

    [Fact]
    public async Task Related_OfAnUnknownId_ExitsWithOne()
    {
        var run = await index.RunAsync("related", "999_nothing");

        Assert.Equal(ExitCodes.NoResults, run.ExitCode);
        Assert.Contains("no article with id '999_nothing'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Related_WithoutAnIndex_ExitsWithThree()
    {
        var run = await CliRun.InvokeAsync(["related", Seeds.Flow003, "--index", Path.Combine(index.Root, "nowhere")]);

        Assert.Equal(ExitCodes.IndexUnavailable, run.ExitCode);
    }
}

public sealed class RelatedWithOtherStoriesTests : IDisposable
{
    private const string OtherStory = """
        Library reopens after flood repairs

        The town library on Mill Street reopened on Monday after eight months of repairs following the winter floods.
        Volunteers carried more than twelve thousand books back to the shelves over the weekend, and the children's
        corner has new carpets and a reading tent. The council said the building now has flood doors and pumps.
        Opening hours are unchanged, and the reading group meets again on Thursday evenings. The librarian thanked the
        bakery next door, which fed the volunteers, and the scouts, who painted the fence.
        """;

    private readonly TempIndex temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Related_PutsTheFourOtherSeedsFirst_AndFlagsACopyAsNearDuplicate()
    {
        File.WriteAllText(Path.Combine(temp.Seeds, "library.txt"), OtherStory.ReplaceLineEndings("\n"));
        // A copy of the Dover report with its last two lines dropped and a word changed: the same story, copied.
        var lines = File.ReadAllLines(temp.Seed(Seeds.Dover000));
        var copy = string.Join('\n', lines[..^2]).Replace("backing", "supporting", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(temp.Seeds, "dover-copy.txt"), copy + "\n");
        Assert.Equal(PassStatus.Completed, temp.RunPass().Status);

        var flow = await temp.RunAsync("related", Seeds.Flow003, "--json");
        var dovers = await temp.RunAsync("related", Seeds.Dover000, "--json");

        Assert.True(flow.ExitCode == ExitCodes.Ok, flow.Error);
        var ranked = Related(flow);
        var firstFive = ranked.Take(5).Select(r => r.Id).ToArray();
        Assert.DoesNotContain("library", firstFive);
        Assert.Equal(Seeds.All.Where(id => id != Seeds.Flow003), firstFive.Where(id => id != "dover-copy").Order());
        var copyOfDover = Assert.Single(Related(dovers), r => r.Id == "dover-copy");
        Assert.True(copyOfDover.NearDuplicate);
        Assert.Equal("dover-copy", Related(dovers)[0].Id);
        Assert.All(Related(dovers).Where(r => r.Id != "dover-copy"), r => Assert.False(r.NearDuplicate));
        var text = await temp.RunAsync("related", Seeds.Dover000, "--limit", "2");
        Assert.Matches(@"(?m)^dover-copy  \d+\.\d{3}  near-duplicate$", text.Output);
        Assert.EndsWith("2 related articles", text.Output.TrimEnd(), StringComparison.Ordinal);
    }

    private static (string Id, bool NearDuplicate)[] Related(CliRun run)
    {
        using var json = run.Json();
        return json.RootElement.GetProperty("related").EnumerateArray()
            .Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("nearDuplicate").GetBoolean()))
            .ToArray();
    }
}

using ArticleIndexer.Cli.Tests.Support;
using ArticleIndexer.Operations.History;

namespace ArticleIndexer.Cli.Tests;

/// <summary>--source, --from/--to and --sort date over the seeds (undated text files at the top of the source folder)
/// plus two dated web pages of one site in a sub-folder.</summary>
public sealed class SourceAndDateCommandTests : IDisposable
{
    private const string Page = """
        <html lang="en"><head><title>{0} - Kent Daily</title>
        <meta property="og:site_name" content="Kent Daily"><meta name="author" content="Ann Lee">
        <meta property="article:published_time" content="{1}"></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>{0}</h1>
        <p>Workers began putting up new fences around the Channel Tunnel terminal at Coquelles on Thursday, the company said.</p>
        <p>The Home Secretary, Theresa May, said Britain would pay for the fences, and that more would follow, officials in Paris said.</p>
        </article></body></html>
        """;

    private readonly TempIndex temp = new();

    public SourceAndDateCommandTests()
    {
        var pages = Path.Combine(temp.Seeds, "pages");
        Directory.CreateDirectory(pages);
        File.WriteAllText(Path.Combine(pages, "early.html"), string.Format(Page, "Fences go up at Coquelles", "2015-07-30T09:00:00Z"));
        File.WriteAllText(Path.Combine(pages, "late.html"), string.Format(Page, "More fences at Coquelles", "2015-08-04T18:30:00+01:00"));
        Assert.Equal(PassStatus.Completed, temp.RunPass().Status);
    }

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("Kent Daily", 2)]
    [InlineData("kent daily", 2)]
    [InlineData("pages", 2)]
    [InlineData("pages/", 2)]
    [InlineData(".", 5)]
    [InlineData("Elsewhere", 0)]
    public async Task Search_WithSource_FindsTheArticlesOfThatFolderOrSite(string source, int expected)
    {
        var run = await temp.RunAsync("search", "--source", source, "--json");

        Assert.Equal(expected > 0 ? ExitCodes.Ok : ExitCodes.NoResults, run.ExitCode);
        var ids = run.JsonHitIds();
        Assert.Equal(expected, ids.Count);
        Assert.All(ids, id => Assert.Equal(source is "." or "Elsewhere", !id.StartsWith("pages/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Search_FacetsSources_CountFoldersAndSites()
    {
        var run = await temp.RunAsync("search", "Coquelles", "--json");

        using var json = run.Json();
        var sources = json.RootElement.GetProperty("facets").GetProperty("sources").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("articles").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["."] = 3, ["Kent Daily"] = 2, ["pages"] = 2 }, sources);
        Assert.Equal(5, json.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_FromADay_KeepsTheDatedPagesFromThen_AndCountsTheUndatedSeeds()
    {
        var run = await temp.RunAsync("search", "Coquelles", "--from", "2015-08-01", "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(["pages/late.html"], run.JsonHitIds());
        using var json = run.Json();
        Assert.Equal(3, json.RootElement.GetProperty("undated").GetInt32());
        Assert.Equal("2015-08-04", json.RootElement.GetProperty("hits")[0].GetProperty("date").GetString());
    }

    [Fact]
    public async Task Search_BetweenTwoDays_IncludesBothEnds()
    {
        var run = await temp.RunAsync("search", "--from", "2015-07-30", "--to", "2015-08-04", "--json");

        Assert.Equal(["pages/early.html", "pages/late.html"], run.JsonHitIds().Order());
        var before = await temp.RunAsync("search", "--to", "2015-07-29");
        Assert.Equal(ExitCodes.NoResults, before.ExitCode);
        Assert.Contains("5 more articles match but have no date", before.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_SortedByDate_PutsTheNewestFirst_AndTheUndatedLast()
    {
        var run = await temp.RunAsync("search", "Coquelles", "--sort", "date", "--json");

        var ids = run.JsonHitIds();
        Assert.Equal(["pages/late.html", "pages/early.html"], ids.Take(2));
        Assert.Equal(5, ids.Count);
        var text = await temp.RunAsync("search", "Coquelles", "--sort", "date");
        Assert.Equal(["pages/late.html", "pages/early.html"], text.HitIds.Take(2));
        Assert.Contains("  2015-08-04", text.Output, StringComparison.Ordinal);
    }
}

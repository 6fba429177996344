using ArticleIndexer.Cli.Tests.Support;

namespace ArticleIndexer.Cli.Tests;

/// <summary>Issue 6's acceptance through the real <c>articles</c> process on an index of the seeds.</summary>
public sealed class SearchProcessTests(SeedIndexFixture index) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public async Task RelatedOfTheFlowArticle_ListsTheOtherFourSeedsFirst_AsJson()
    {
        var (exitCode, stdout, stderr) = await Processes.ArticlesAsync(index.Root, "related", Seeds.Flow003, "--index", index.IndexPath, "--json");

        Assert.True(exitCode == ExitCodes.Ok, $"exit code {exitCode}: {stderr}");
        using var json = CliJson.Parse(stdout);
        var ids = json.RootElement.GetProperty("related").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToArray();
        Assert.Equal(Seeds.All.Where(id => id != Seeds.Flow003), ids.Take(4).Order());
    }

    [Fact]
    public async Task SearchJson_FacetsCountEveryMatch_AndSnippetsHoldTheMatchedWord()
    {
        var (exitCode, stdout, stderr) = await Processes.ArticlesAsync(index.Root, "search", "migrants", "--index", index.IndexPath, "--json", "--limit", "2");

        Assert.True(exitCode == ExitCodes.Ok, $"exit code {exitCode}: {stderr}");
        using var json = CliJson.Parse(stdout);
        var total = json.RootElement.GetProperty("total").GetInt32();
        Assert.Equal(4, total);
        Assert.Equal(2, json.RootElement.GetProperty("hits").GetArrayLength());
        var sources = json.RootElement.GetProperty("facets").GetProperty("sources");
        Assert.Equal(total, sources[0].GetProperty("articles").GetInt32());
        Assert.All(json.RootElement.GetProperty("hits").EnumerateArray(), hit =>
            Assert.Contains(hit.GetProperty("highlights").EnumerateArray(), h => h.GetProperty("text").GetString()!.StartsWith("migrant", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Search_PipedOutput_MarksMatchesWithBrackets_AndPrintsFacets()
    {
        var (exitCode, stdout, _) = await Processes.ArticlesAsync(index.Root, "search", "Dunkirk", "--index", index.IndexPath);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("[Dunkirk]", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", stdout, StringComparison.Ordinal);
        Assert.Contains("sources  . (1)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WithAMalformedQuery_ExitsWithTwo_AndAMessage()
    {
        var (exitCode, stdout, stderr) = await Processes.ArticlesAsync(index.Root, "search", "\"unclosed phrase", "--index", index.IndexPath);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("articles: ", stderr, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using ArticleIndexer.Cli.Tests.Support;

namespace ArticleIndexer.Cli.Tests;

public sealed class FacetCommandTests(SeedIndexFixture index) : IClassFixture<SeedIndexFixture>
{
    [Theory]
    [InlineData("Coquelles")]
    [InlineData("migrants")]
    [InlineData("Dover OR Dunkirk")]
    public async Task SearchJson_FacetCounts_EqualTheNumberOfMatchingArticlesThatNameEachEntity(string query)
    {
        var run = await index.RunAsync("search", query, "--json", "--limit", "1", "--facets", "100");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = run.Json();
        Assert.Single(json.RootElement.GetProperty("hits").EnumerateArray());

        // Every matching article (not only the one hit shown), and each one's entities as show reports them.
        var all = await index.RunAsync("search", query, "--json", "--limit", "100");
        var ids = all.JsonHitIds();
        Assert.Equal(json.RootElement.GetProperty("total").GetInt32(), ids.Count);
        var named = new List<(string Kind, string Name)>();
        foreach (var id in ids)
        {
            using var shown = (await index.RunAsync("show", id, "--json")).Json();
            named.AddRange(shown.RootElement.GetProperty("entities").GetProperty("entities").EnumerateArray()
                .Select(e => (e.GetProperty("kind").GetString()!, e.GetProperty("canonical").GetString()!))
                .Distinct());
        }

        var facets = json.RootElement.GetProperty("facets");
        foreach (var (facet, kind) in new[] { ("persons", "person"), ("places", "place"), ("orgs", "organization") })
        {
            var counted = facets.GetProperty(facet).EnumerateArray()
                .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("articles").GetInt32());
            var expected = named.Where(n => n.Kind == kind).GroupBy(n => n.Name).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(expected.OrderBy(kv => kv.Key), counted.OrderBy(kv => kv.Key));
        }

        // Every seed lies at the top of the source folder, and seed 000 names its site ("More on KentOnline").
        var sources = facets.GetProperty("sources").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("articles").GetInt32());
        var expectedSources = new Dictionary<string, int> { ["."] = ids.Count };
        if (ids.Any(id => id.StartsWith("000_", StringComparison.Ordinal)))
        {
            expectedSources["KentOnline"] = 1;
        }

        Assert.Equal(expectedSources.OrderBy(kv => kv.Key), sources.OrderBy(kv => kv.Key));
    }

    [Fact]
    public async Task Search_PrintsFacetLinesCountedOverEveryMatch_NotOnlyTheHitsShown()
    {
        var run = await index.RunAsync("search", "--person", "Theresa May", "--limit", "1");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Single(run.HitIds);
        Assert.Contains("persons  Theresa May (5), Bernard Cazeneuve (4)", run.Output, StringComparison.Ordinal);
        Assert.Contains("sources  . (5)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WithOffset_PagesThroughTheSameRanking()
    {
        var all = (await index.RunAsync("search", "Calais", "--json")).JsonHitIds();
        var second = await index.RunAsync("search", "Calais", "--json", "--limit", "2", "--offset", "2");

        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.Equal(all.Skip(2).Take(2), second.JsonHitIds());
        using var json = second.Json();
        Assert.Equal(2, json.RootElement.GetProperty("offset").GetInt32());
        Assert.Equal(all.Count, json.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_WithOffsetPastTheEnd_FindsNothingAndExitsWithOne()
    {
        var run = await index.RunAsync("search", "Calais", "--offset", "50");

        Assert.Equal(ExitCodes.NoResults, run.ExitCode);
        Assert.Empty(run.HitIds);
    }

    [Theory]
    [InlineData("migrant")]
    [InlineData("migrants")]
    [InlineData("agreed")]
    [InlineData("smuggl*")]
    public async Task SearchJson_EverySnippet_HoldsAMatchedFormOfTheQueryWord(string query)
    {
        var run = await index.RunAsync("search", query, "--json", "--limit", "100");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = run.Json();
        var stem = query.TrimEnd('*')[..5];
        foreach (var hit in json.RootElement.GetProperty("hits").EnumerateArray())
        {
            var snippet = hit.GetProperty("snippet").GetString()!;
            var highlights = hit.GetProperty("highlights").EnumerateArray().ToArray();
            Assert.NotEmpty(highlights);
            foreach (var highlight in highlights)
            {
                var text = highlight.GetProperty("text").GetString()!;
                Assert.StartsWith(stem, text, StringComparison.OrdinalIgnoreCase);
                Assert.Equal(text, snippet.Substring(highlight.GetProperty("start").GetInt32(), highlight.GetProperty("length").GetInt32()));
            }
        }
    }

    [Theory]
    [InlineData("--from", "2015-13-01")]
    [InlineData("--to", "yesterday")]
    [InlineData("--offset", "-1")]
    [InlineData("--sort", "size")]
    public async Task Search_WithABadOptionValue_ExitsWithTwo(string option, string value)
    {
        var run = await index.RunAsync("search", "Calais", option, value);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Empty(run.HitIds);
    }

    [Fact]
    public async Task Search_WithFromAfterTo_ExitsWithTwo()
    {
        var run = await index.RunAsync("search", "Calais", "--from", "2015-08-01", "--to", "2015-07-01");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--from is after --to", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WithADateFilterOnUndatedSeeds_CountsThemInsteadOfDroppingThemSilently()
    {
        var run = await index.RunAsync("search", "Calais", "--from", "2000-01-01", "--json");

        Assert.Equal(ExitCodes.NoResults, run.ExitCode);
        using var json = run.Json();
        Assert.Equal(0, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(5, json.RootElement.GetProperty("undated").GetInt32());
        var text = await index.RunAsync("search", "Calais", "--from", "2000-01-01");
        Assert.Contains("5 more articles match but have no date", text.Output, StringComparison.Ordinal);
    }
}

public sealed class EntitiesQueryCommandTests(SeedIndexFixture index) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public async Task People_WithQuery_CountsOnlyTheMatchingArticles()
    {
        var run = await index.RunAsync("people", "--query", "Dover", "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = run.Json();
        var people = json.RootElement.GetProperty("entities").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("articles").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["Natacha Bouchart"] = 1, ["Theresa May"] = 1 }, people);
        var all = await index.RunAsync("people", "--json");
        using var allJson = all.Json();
        Assert.Contains(allJson.RootElement.GetProperty("entities").EnumerateArray(),
            e => e.GetProperty("name").GetString() == "Theresa May" && e.GetProperty("articles").GetInt32() == 5);
    }

    [Fact]
    public async Task Places_WithQuery_KeepsTheCatalogFacts_AndTheLimit()
    {
        var run = await index.RunAsync("places", "--query", "Calais AND migrants", "--limit", "2");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(3, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("4  Calais  (city, FR)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orgs_WithAQueryNothingMatches_SaysSoAndExitsWithOne()
    {
        var run = await index.RunAsync("orgs", "--query", "zzzz");

        Assert.Equal(ExitCodes.NoResults, run.ExitCode);
        Assert.Contains("No organisations in the articles matching 'zzzz'.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_WithAMalformedQuery_ExitsWithTwo()
    {
        var run = await index.RunAsync("people", "--query", "a AND (");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("Cannot parse the query", run.Error, StringComparison.Ordinal);
    }
}

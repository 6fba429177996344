using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Search;
using ArticleIndexer.Core.Tests.Support;

namespace ArticleIndexer.Core.Tests.Search;

/// <summary>One index of the seeds, shared by the searcher tests (read-only).</summary>
public sealed class SeedIndexFixture : IDisposable
{
    private readonly TempFolder temp = new();

    public SeedIndexFixture()
    {
        Index = temp.Combine("index");
        new ArticlePipeline().Run(temp.CopySeeds(), Index);
        Searcher = ArticleSearcher.Open(Index).Searcher!;
    }

    public string Index { get; }

    public ArticleSearcher Searcher { get; }

    public void Dispose()
    {
        Searcher.Dispose();
        temp.Dispose();
    }
}

public class ArticleSearcherTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    private string[] Ids(SearchRequest request) =>
        seeds.Searcher.Search(request with { Limit = 50 }).Results!.Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Search_CountsTheSameFacets_WhenASearcherSearchesAgain()
    {
        // Across segments (one commit per article), and past the second search, when the ordinals are read into memory.
        using var temp = new TempFolder();
        var index = temp.Combine("index");
        new ArticlePipeline { CommitEvery = 1, MaxSegments = 0 }.Run(temp.CopySeeds(), index);
        using var searcher = ArticleSearcher.Open(index).Searcher!;
        var request = new SearchRequest { Query = "migrants", FacetLimit = 50 };
        string Facets() => System.Text.Json.JsonSerializer.Serialize(searcher.Search(request).Results!.Facets);

        var runs = Enumerable.Range(0, 3).Select(_ => Facets()).ToArray();

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(seeds.Searcher.Search(request).Results!.Facets), runs[0]);
        Assert.Equal([runs[0], runs[0]], runs[1..]);
        Assert.Contains("Calais", runs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Search_ByPerson_MatchesFullNamesAndSurnames()
    {
        Assert.Equal(Seeds.All, Ids(new SearchRequest { Person = "Theresa May" }));
        Assert.Equal([Seeds.BusinessStandard, Seeds.Euractiv, Seeds.Headline, Seeds.Itv], Ids(new SearchRequest { Person = "Cazeneuve" }));
        Assert.Equal([Seeds.Kent], Ids(new SearchRequest { Person = "Natacha Bouchart" }));
    }

    [Fact]
    public void Search_ByPlace_MatchesCanonicalNamesAndAliases()
    {
        Assert.Equal([Seeds.Kent], Ids(new SearchRequest { Place = "Dover" }));
        Assert.Equal([Seeds.Itv], Ids(new SearchRequest { Place = "Dunkirk" }));
        Assert.Equal([Seeds.BusinessStandard, Seeds.Euractiv, Seeds.Itv], Ids(new SearchRequest { Query = "Calais", Place = "Coquelles" }));
        Assert.Equal(Seeds.All, Ids(new SearchRequest { Place = "UK" }));
        Assert.Equal(Seeds.All, Ids(new SearchRequest { Place = "great britain" }));
    }

    [Theory]
    [InlineData("subscribe")]
    [InlineData("Advertisement")]
    [InlineData("free_limit")]
    [InlineData("\"Credit: Reuters\"")]
    [InlineData("KentOnline")]
    public void Search_FindsNoBoilerplate(string query) =>
        Assert.Equal(0, seeds.Searcher.Search(new SearchRequest { Query = query }).Results!.Total);

    [Fact]
    public void Search_MarksStemmedMatchesInTheSnippet()
    {
        var hit = seeds.Searcher.Search(new SearchRequest { Query = "smuggling", Limit = 1 }).Results!.Hits[0];

        var rendered = hit.Snippet.Render("[", "]");
        Assert.Contains("[smuggl", rendered, StringComparison.Ordinal);
        Assert.All(hit.Snippet.Highlights, h => Assert.StartsWith("smuggl", hit.Snippet.Text.Substring(h.Start, h.Length), StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("(calais")]
    [InlineData("\"unclosed")]
    [InlineData("AND")]
    [InlineData("*alais")]
    public void Search_AnswersAMalformedQuery_WithAMessage(string query)
    {
        var outcome = seeds.Searcher.Search(new SearchRequest { Query = query });

        Assert.Null(outcome.Results);
        Assert.StartsWith("Cannot parse the query", outcome.QueryError, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", outcome.QueryError, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_SupportsNameFieldsInTheQuery()
    {
        Assert.Equal([Seeds.Kent], Ids(new SearchRequest { Query = "person:bouchart" }));
        Assert.Equal([Seeds.Itv], Ids(new SearchRequest { Query = "title:smugglers" }));
    }

    [Fact]
    public void Search_GivesEveryHitALead_AndFilterOnlyHitsAScore()
    {
        var hits = seeds.Searcher.Search(new SearchRequest { Place = "Dover" }).Results!.Hits;

        var hit = Assert.Single(hits);
        Assert.Null(hit.Title);
        Assert.Equal("A Kent MP is backing a plan to give France £12 million to tackle increasing…", hit.Lead);
        Assert.Equal(1f, hit.Score);
    }

    [Fact]
    public void Open_CallsADamagedIndexCorrupt_NeverThrows()
    {
        using var temp = new TempFolder();
        var index = temp.Combine("index");
        new ArticlePipeline().Run(temp.CopySeeds(), index);
        foreach (var file in Directory.GetFiles(index, "_*"))
        {
            File.WriteAllBytes(file, File.ReadAllBytes(file)[..10]);
        }

        var result = ArticleSearcher.Open(index);

        Assert.Equal(IndexProblem.Corrupt, result.Problem);
        Assert.Contains("rebuild", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_FindsAnArticle_WithOrWithoutItsExtension()
    {
        var article = seeds.Searcher.Get(Seeds.Headline + ".txt")!;

        Assert.Equal(Seeds.Headline, article.Id);
        Assert.Equal("France, Britain agree to stop migrant flow", article.Title);
        Assert.Contains(article.Stripped, s => s.Rule == "truncated-trailing-line");
        Assert.Contains(article.Entities.Entities, e => e.Canonical == "James Brokenshire" && e.Kind == EntityKind.Person);
        Assert.Null(seeds.Searcher.Get("no-such-article"));
    }

    [Fact]
    public void TopEntities_CountsArticlesPerEntity()
    {
        var people = seeds.Searcher.TopEntities(EntityKind.Person, 3);
        var places = seeds.Searcher.TopEntities(EntityKind.Place, 50);

        Assert.Equal(("Theresa May", 5), (people[0].Name, people[0].Articles));
        Assert.Contains(("Calais", 5), places.Select(p => (p.Name, p.Articles)));
        Assert.Contains(("Coquelles", 3), places.Select(p => (p.Name, p.Articles)));
    }

    [Fact]
    public void TopEntities_GivesTheCanonicalEntitiesOfTheCatalog_WithTheirAliases()
    {
        var people = seeds.Searcher.TopEntities(EntityKind.Person, 50);
        var places = seeds.Searcher.TopEntities(EntityKind.Place, 50);

        Assert.Equal(["May"], people.Single(p => p.Name == "Theresa May").Aliases);
        var uk = places.Single(p => p.Name == "United Kingdom");
        Assert.Equal((5, "country"), (uk.Articles, uk.Place!.Type));
        Assert.Superset(new HashSet<string> { "UK", "Britain", "Great Britain", "U.K." }, uk.Aliases.ToHashSet());
        Assert.DoesNotContain(places, p => p.Aliases.Contains("UK") && p.Name != "United Kingdom");
    }

    [Fact]
    public void Open_ExplainsAMissingIndex()
    {
        var result = ArticleSearcher.Open(Path.Combine(Path.GetTempPath(), "no-index-" + Guid.NewGuid()));

        Assert.Equal(IndexProblem.Missing, result.Problem);
        Assert.Contains("run the worker", result.Message, StringComparison.Ordinal);
    }
}

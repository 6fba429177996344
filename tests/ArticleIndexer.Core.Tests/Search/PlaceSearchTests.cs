using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Search;
using ArticleIndexer.Core.Tests.Support;

namespace ArticleIndexer.Core.Tests.Search;

/// <summary>The seeds and one article that names Dover but neither Kent nor England, indexed by the real pipeline.</summary>
public sealed class PlaceIndexFixture : IDisposable
{
    public const string DoverOnly = "900_dover";

    private readonly TempFolder temp = new();

    public PlaceIndexFixture()
    {
        var source = temp.CopySeeds();
        File.WriteAllText(Path.Combine(source, DoverOnly + ".txt"),
            "Lorries queue at Dover after ferry cancellations\n\n"
            + "Lorries queued for twelve miles outside Dover on Friday after ferry crossings to France were cancelled, the UK "
            + "government said. Drivers waited overnight without food or water while the port worked through the backlog.\n\n"
            + "Hauliers said the delays were the worst they had seen this year and asked ministers for more staff at the port.\n");
        new ArticlePipeline().Run(source, temp.Combine("index"));
        Searcher = ArticleSearcher.Open(temp.Combine("index")).Searcher!;
    }

    public ArticleSearcher Searcher { get; }

    public void Dispose()
    {
        Searcher.Dispose();
        temp.Dispose();
    }
}

public class PlaceSearchTests(PlaceIndexFixture index) : IClassFixture<PlaceIndexFixture>
{
    private string[] Ids(SearchRequest request) =>
        index.Searcher.Search(request with { Limit = 50 }).Results!.Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Search_ByPlaceWithin_FindsArticlesAboutPlacesInsideIt()
    {
        Assert.Equal([Seeds.Kent, Seeds.Euractiv], Ids(new SearchRequest { Place = "Kent" }));
        Assert.Equal([Seeds.Kent, Seeds.Euractiv, PlaceIndexFixture.DoverOnly], Ids(new SearchRequest { Place = "Kent", Within = true }));
    }

    [Theory]
    [InlineData("England")]
    [InlineData("United Kingdom")]
    [InlineData("UK")]
    [InlineData("South East")]
    public void Search_ByPlaceWithin_FindsDover_UnderEveryPlaceThatContainsIt(string place) =>
        Assert.Contains(PlaceIndexFixture.DoverOnly, Ids(new SearchRequest { Place = place, Within = true }));

    [Fact]
    public void Search_ByPlaceWithin_FindsCalaisUnderFranceAndItsDepartment()
    {
        Assert.Contains(Seeds.Headline, Ids(new SearchRequest { Place = "Pas-de-Calais", Within = true }));
        Assert.DoesNotContain(Seeds.Headline, Ids(new SearchRequest { Place = "Pas-de-Calais" }));
        Assert.DoesNotContain(PlaceIndexFixture.DoverOnly, Ids(new SearchRequest { Place = "Hauts-de-France", Within = true }));
    }

    [Fact]
    public void Search_ByPlace_RanksAboutLinksAfterEveryMention()
    {
        var hits = index.Searcher.Search(new SearchRequest { Place = "Germany", Limit = 10 }).Results!.Hits;

        Assert.Equal([(Seeds.Headline, PlaceMatch.Mention), (Seeds.Itv, PlaceMatch.About)], hits.Select(h => (h.Id, h.PlaceMatch!.Value)));
        Assert.Equal(["German"], hits[1].AboutWords);
        Assert.Empty(hits[0].AboutWords);
    }

    [Fact]
    public void Search_ByPlace_CountsAboutLinksInTheTotal_AndFillsTheLimitWithMentionsFirst()
    {
        var results = index.Searcher.Search(new SearchRequest { Place = "Germany", Limit = 1 }).Results!;

        Assert.Equal(2, results.Total);
        Assert.Equal((Seeds.Headline, PlaceMatch.Mention), (results.Hits.Single().Id, results.Hits.Single().PlaceMatch!.Value));
    }

    [Fact]
    public void Search_WithAQuery_KeepsAboutLinksBehindMentions()
    {
        var hits = index.Searcher.Search(new SearchRequest { Query = "migrants", Place = "Germany", Limit = 10 }).Results!.Hits;

        Assert.Equal(PlaceMatch.Mention, hits[0].PlaceMatch);
        Assert.All(hits.Skip(1), h => Assert.Equal(PlaceMatch.About, h.PlaceMatch));
    }

    [Fact]
    public void Search_WithoutAPlace_GivesNoPlaceMatch() =>
        Assert.All(index.Searcher.Search(new SearchRequest { Query = "Calais" }).Results!.Hits, h => Assert.Null(h.PlaceMatch));

    [Theory]
    [InlineData("place:UK")]
    [InlineData("place:Britain")]
    [InlineData("place:\"United Kingdom\"")]
    public void Search_PlaceFieldInTheQuery_MatchesEveryAlias(string query) =>
        Assert.Equal(6, Ids(new SearchRequest { Query = query }).Length);
}

using ArticleIndexer.Cli.Tests.Support;

namespace ArticleIndexer.Cli.Tests;

/// <summary>Place facts in <c>show</c>, and <c>search --place</c> with <c>--within</c> and "about" links, on the seed index.</summary>
public sealed class PlaceCommandTests(SeedIndexFixture index) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public async Task Show_GivesEachPlaceItsContainingPlacesAndGeoNamesEntry()
    {
        var run = await index.RunAsync("show", Seeds.Dover000);

        Assert.Matches(@"(?m)^  Dover \(city, GB; \d+ mentions; in Kent, South East, England, United Kingdom; GeoNames \d+ at 51\.\d+, 1\.\d+\)$", run.Output);
        Assert.Matches(@"(?m)^  Whitfield \(unresolved; 1 mention\)$", run.Output);
    }

    [Fact]
    public async Task Show_ListsTheCountriesNamedByADemonym_ApartFromThePlaces()
    {
        var run = await index.RunAsync("show", Seeds.Dover000);

        Assert.Matches(@"(?m)^About \(\d+; countries named by a demonym\)$", run.Output);
        Assert.Matches(@"(?m)^  France \(FR; French; \d+ times\)$", run.Output);
    }

    [Fact]
    public async Task Show_WithJson_GivesRegionAreaWithinCoordinatesAndAboutLinks()
    {
        var run = await index.RunAsync("show", Seeds.Command004, "--json");

        using var json = run.Json();
        var entities = json.RootElement.GetProperty("entities");
        var dunkerque = entities.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("canonical").GetString() == "Dunkerque");
        var place = dunkerque.GetProperty("place");
        Assert.Equal("FR", place.GetProperty("countryCode").GetString());
        Assert.Equal("Hauts-de-France", place.GetProperty("region").GetString());
        Assert.Equal("France", place.GetProperty("country").GetString());
        Assert.True(place.GetProperty("geoNameId").GetInt64() > 0);
        Assert.Contains("France", place.GetProperty("within").EnumerateArray().Select(w => w.GetString()));
        Assert.Contains(entities.GetProperty("about").EnumerateArray(), a => a.GetProperty("country").GetString() == "Germany");
    }

    [Fact]
    public async Task Search_ByPlace_PutsTheArticleThatOnlySaysGerman_AfterTheOneThatSaysGermany()
    {
        var run = await index.RunAsync("search", "--place", "Germany", "--json");

        using var json = run.Json();
        var hits = json.RootElement.GetProperty("hits").EnumerateArray()
            .Select(h => (h.GetProperty("id").GetString(), h.GetProperty("placeMatch").GetString())).ToArray();
        Assert.Equal([(Seeds.Flow003, "mention"), (Seeds.Command004, "about")], hits);
        var about = json.RootElement.GetProperty("hits")[1].GetProperty("aboutWords").EnumerateArray().Select(w => w.GetString());
        Assert.Equal(["German"], about);
    }

    [Fact]
    public async Task Search_MarksAnAboutHit_InText()
    {
        var run = await index.RunAsync("search", "--place", "Germany");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Single(run.Output.Split('\n'), l => l == "  about the place: named only as \"German\", ranked after the articles that name it");
    }

    [Theory]
    [InlineData("UK")]
    [InlineData("Britain")]
    [InlineData("United Kingdom")]
    public async Task Search_ByPlace_FindsTheUnitedKingdomByEveryName(string name)
    {
        var run = await index.RunAsync("search", "--place", name, "--json");

        Assert.Equal(Seeds.All.Order(), run.JsonHitIds().Order());
    }

    [Fact]
    public async Task Search_ByPlaceWithin_FindsTheArticlesAboutPlacesInPasDeCalais()
    {
        var without = await index.RunAsync("search", "--place", "Pas-de-Calais", "--json");
        var within = await index.RunAsync("search", "--place", "Pas-de-Calais", "--within", "--json");

        Assert.Equal(ExitCodes.NoResults, without.ExitCode);
        Assert.Equal(Seeds.All.Order(), within.JsonHitIds().Order()); // every seed mentions Calais
    }

    [Fact]
    public async Task Search_WithinWithoutAPlace_IsAUsageError()
    {
        var run = await index.RunAsync("search", "migrants", "--within");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--within needs --place", run.Error);
    }
}

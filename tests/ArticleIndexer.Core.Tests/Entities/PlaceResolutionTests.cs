using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Tests.Support;

namespace ArticleIndexer.Core.Tests.Entities;

/// <summary>Which GeoNames place a place name is: from the article's context, or none rather than a guess.</summary>
public class PlaceResolutionTests
{
    private readonly TaggedEntityExtractor extractor = new();

    [Fact]
    public void Process_ResolvesDunkirk_ToDunkerqueInFrance_InTheSeedAboutCalais()
    {
        var dunkirk = Place(Seeds.Process(Seeds.Itv).Entities, "Dunkerque");

        Assert.Equal("FR", dunkirk.Place!.CountryCode);
        Assert.Equal("Hauts-de-France", dunkirk.Place.Region);
        Assert.Contains("Dunkirk", dunkirk.Aliases);
        Assert.NotNull(dunkirk.Place.GeoNameId);
        Assert.InRange(dunkirk.Place.Latitude!.Value, 50.9, 51.1); // on the Channel coast, not in New York State
    }

    [Fact]
    public void Process_LeavesWhitfieldUnresolved_RatherThanTakeATownInAnotherCountry()
    {
        var whitfield = Place(Seeds.Process(Seeds.Kent).Entities, "Whitfield");

        Assert.Null(whitfield.Place); // GeoNames' Whitfields are in the United States and Australia; the article is about Kent
    }

    [Theory]
    [InlineData("Dover")]
    [InlineData("Deal")]
    public void Process_PlacesTheKentTownsInKentEnglandAndTheUnitedKingdom(string town)
    {
        var place = Place(Seeds.Process(Seeds.Kent).Entities, town).Place!;

        Assert.Equal("GB", place.CountryCode);
        Assert.Equal("Kent", place.Area);
        Assert.Equal("England", place.Region);
        Assert.Equal(["Kent", "England", "United Kingdom"], place.Within!.Intersect(["Kent", "England", "United Kingdom"]));
        Assert.NotNull(place.GeoNameId);
    }

    [Fact]
    public void Process_GivesTheCountyOfKentItsRegionAndGeoNamesId()
    {
        var kent = Place(Seeds.Process(Seeds.Kent).Entities, "Kent").Place!;

        Assert.Equal(("region", "GB", "England"), (kent.Type, kent.CountryCode, kent.Region));
        Assert.NotNull(kent.GeoNameId);
        Assert.Contains("United Kingdom", kent.Within!);
        Assert.DoesNotContain("Kent", kent.Within!);
    }

    [Fact]
    public void Extract_ResolvesDunkirk_ToTheUsTown_WhenTheArticleIsAboutTheUnitedStates()
    {
        var dunkirk = Place(extractor.Extract("Officials in Buffalo, New York, said the United States plant at Dunkirk will close."), "Dunkirk");

        Assert.Equal("US", dunkirk.Place!.CountryCode);
    }

    [Fact]
    public void Extract_LeavesAnAmbiguousTownUnresolved_WhenTheArticleGivesNoContext()
    {
        var dover = Place(extractor.Extract("Lorries queued at Dover."), "Dover");

        Assert.Null(dover.Place); // Dover, England and Dover, Delaware are of a size
    }

    [Fact]
    public void Extract_TakesTheDominantCity_WhenTheArticleGivesNoContext()
    {
        var paris = Place(extractor.Extract("Talks were held in Paris on Friday."), "Paris");

        Assert.Equal(("FR", "Île-de-France"), (paris.Place!.CountryCode, paris.Place.Region));
    }

    [Theory]
    [InlineData("Officials in London said rates would rise.", "London", "GB")]
    [InlineData("Shares fell sharply in Tokyo on Monday.", "Tokyo", "JP")]
    public void Extract_TakesTheCity_ForARegionNamedLikeALargeCityOfItsCountry(string text, string name, string country)
    {
        var place = Place(extractor.Extract(text), name).Place!;

        Assert.Equal(("city", country), (place.Type, place.CountryCode));
    }

    [Fact]
    public void Extract_TakesACountryName_ForTheCountry_NotForATownOfThatName()
    {
        var greece = Place(extractor.Extract("Migrants arrived from Greece and Italy, Calais officials said."), "Greece");

        Assert.Equal(("country", "GR"), (greece.Place!.Type, greece.Place.CountryCode));
    }

    [Theory]
    [InlineData(Seeds.Headline)]
    [InlineData(Seeds.Itv)]
    public void Process_TakesNoCapitalisedCommonNounForAPlace_NorCctvForAnOrganisation(string id)
    {
        var entities = Seeds.Process(id).Entities.Entities;

        Assert.DoesNotContain(entities, e => e.Kind == EntityKind.Place && e.Place is null);
        Assert.DoesNotContain(entities, e => e.Kind == EntityKind.Organization && e.Canonical == "CCTV");
    }

    [Theory]
    [InlineData("Officers work in a Command and Control Centre beside the port.")]
    [InlineData("More lorries crossed the Channel this year.")]
    public void Extract_DropsAnUnknownPlace_ThatIsACommonNounPhrase(string text) =>
        Assert.DoesNotContain(extractor.Extract(text).Entities, e => e.Kind == EntityKind.Place);

    [Fact]
    public void Process_TakesEurotunnel_ForAnOrganisation()
    {
        var entities = Seeds.Process(Seeds.Itv).Entities.Entities;

        Assert.Contains(entities, e => e is { Kind: EntityKind.Organization, Canonical: "Eurotunnel" });
        Assert.DoesNotContain(entities, e => e is { Kind: EntityKind.Place, Canonical: "Eurotunnel" });
    }

    [Fact]
    public void Process_LinksFrenchPolice_ToFranceAsAnAboutLink()
    {
        var about = Seeds.Process(Seeds.Kent).Entities.About;

        var france = Assert.Single(about, a => a.Country == "France");
        Assert.Equal("FR", france.CountryCode);
        Assert.Equal(["French"], france.Words);
        Assert.True(france.Count >= 2);
    }

    [Fact]
    public void Extract_LinksADemonymOfSeveralCountries_OnlyToTheOneUnMember()
    {
        var about = extractor.Extract("Chinese, French and Congolese workers met.").About.Select(a => a.Country);

        Assert.Equal(["China", "France"], about.Order());
    }

    private static Entity Place(EntitySet entities, string canonical) =>
        Assert.Single(entities.Entities, e => e.Kind == EntityKind.Place && e.Canonical == canonical);
}

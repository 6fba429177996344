using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Tests.Support;

namespace ArticleIndexer.Core.Tests.Entities;

/// <summary>The first-version recogniser, kept as a baseline (tools/ConllTag) and for its rules; the product uses
/// <see cref="TaggedEntityExtractor"/>.</summary>
public class RuleEntityExtractorTests
{
    private readonly RuleEntityExtractor extractor = new();

    public static TheoryData<string, string[]> SeedPersons => new()
    {
        { Seeds.Kent, ["Theresa May", "Natacha Bouchart"] },
        { Seeds.BusinessStandard, ["Theresa May", "Bernard Cazeneuve"] },
        { Seeds.Euractiv, ["Theresa May", "Bernard Cazeneuve"] },
        { Seeds.Headline, ["Theresa May", "Bernard Cazeneuve", "James Brokenshire"] },
        { Seeds.Itv, ["Theresa May"] },
    };

    public static TheoryData<string, string[]> SeedPlaces => new()
    {
        { Seeds.Kent, ["Calais", "Dover", "Kent", "United Kingdom", "France"] },
        { Seeds.BusinessStandard, ["Calais", "Coquelles", "United Kingdom", "France"] },
        { Seeds.Euractiv, ["Calais", "Coquelles", "Paris", "Kent", "United Kingdom", "France"] },
        { Seeds.Headline, ["Calais", "United Kingdom", "France", "Germany", "Greece"] },
        { Seeds.Itv, ["Calais", "Coquelles", "Dunkerque", "United Kingdom", "France"] },
    };

    [Theory]
    [MemberData(nameof(SeedPersons))]
    public void Extract_FindsTheSeedsPersons(string id, string[] persons)
    {
        var found = Seeds.Process(id, extractor).Entities.OfKind(EntityKind.Person).Select(e => e.Canonical).ToList();

        Assert.All(persons, p => Assert.Contains(p, found));
    }

    [Theory]
    [MemberData(nameof(SeedPlaces))]
    public void Extract_FindsTheSeedsPlaces(string id, string[] places)
    {
        var found = Seeds.Process(id, extractor).Entities.OfKind(EntityKind.Place).Select(e => e.Canonical).ToList();

        Assert.All(places, p => Assert.Contains(p, found));
    }

    [Fact]
    public void Extract_ResolvesMrCazeneuveAndMaysPossessive_ToTheFullNames()
    {
        var entities = Seeds.Process(Seeds.Headline, extractor).Entities;

        var cazeneuve = entities.Entities.Single(e => e.Canonical == "Bernard Cazeneuve");
        Assert.Equal(2, cazeneuve.MentionCount);
        Assert.Contains("Cazeneuve", cazeneuve.Aliases);
        Assert.Equal(["French Interior Minister"], cazeneuve.Roles);
        Assert.Equal(2, entities.Entities.Single(e => e.Canonical == "Theresa May").MentionCount);
    }

    [Fact]
    public void Process_CountsThePeopleInPhotoCaptions_ButKeepsCaptionsOutOfTheBody()
    {
        var article = Seeds.Process(Seeds.Itv, extractor);

        var cazeneuve = article.Entities.Entities.Single(e => e.Canonical == "Bernard Cazeneuve");
        Assert.DoesNotContain("Cazeneuve", article.Body, StringComparison.Ordinal);
        Assert.Equal(["French Interior Minister"], cazeneuve.Roles);
        Assert.All(article.Entities.Mentions.Where(m => m.Canonical == "Bernard Cazeneuve"), m => Assert.True(m.Offset >= article.Text.Length));
    }

    [Fact]
    public void Extract_ResolvesMaySaid_ToTheresaMay()
    {
        var may = Seeds.Process(Seeds.Euractiv, extractor).Entities.Entities.Single(e => e.Canonical == "Theresa May");

        Assert.Equal(5, may.MentionCount);
        Assert.Contains("May", may.Aliases);
        Assert.Contains("British Home Secretary", may.Roles);
    }

    [Fact]
    public void Extract_MakesBritainUkAndUnitedKingdomOnePlace()
    {
        var entities = extractor.Extract("Britain said the UK would act. The United Kingdom and Great Britain agreed.");

        var place = Assert.Single(entities.Entities);
        Assert.Equal("United Kingdom", place.Canonical);
        Assert.Equal(4, place.MentionCount);
        Assert.Equal("GB", place.Place!.CountryCode);
        Assert.Contains("UK", place.Place.OtherNames!);
    }

    [Fact]
    public void Extract_KeepsTitlesAsRoles_NotAsPartOfTheName()
    {
        var entities = extractor.Extract("The Mayor of Calais Natacha Bouchart called for Britain to do more.");

        var mayor = entities.Entities.Single(e => e.Kind == EntityKind.Person);
        Assert.Equal("Natacha Bouchart", mayor.Canonical);
        Assert.Equal(["Mayor of Calais"], mayor.Roles);
        Assert.Contains(entities.Entities, e => e is { Kind: EntityKind.Place, Canonical: "Calais" });
    }

    [Fact]
    public void Extract_DoesNotTakeTheMonthForAPerson()
    {
        var entities = extractor.Extract("Theresa May visited Calais. The fences were finished in May 2015, and again in May.");

        Assert.Equal(1, entities.Entities.Single(e => e.Canonical == "Theresa May").MentionCount);
    }

    [Theory]
    [InlineData("The Home Office said it would pay.", "Home Office")]
    [InlineData("Officials from the Transport Ministry met strikers.", "Transport Ministry")]
    [InlineData("A P&O ferry left Dover.", "P&O")]
    [InlineData("Migrants have entered the EU this month.", "EU")]
    public void Extract_FindsOrganisations(string text, string org) =>
        Assert.Contains(extractor.Extract(text).Entities, e => e.Kind == EntityKind.Organization && e.Canonical == org);

    [Theory]
    [InlineData("Command and Control Centre staff met on Friday.")]
    [InlineData("Several Middle Eastern states were named.")]
    [InlineData("Meanwhile, the deal was signed.")]
    [InlineData("However, nothing changed.")]
    public void Extract_FindsNoPlace_InCapitalisedCommonWords(string text) =>
        Assert.DoesNotContain(extractor.Extract(text).Entities, e => e.Kind == EntityKind.Place);

    [Fact]
    public void Extract_KeepsOffsetsIntoTheText()
    {
        const string text = "Home Secretary Theresa May met Bernard Cazeneuve in Paris.";

        var mentions = extractor.Extract(text).Mentions;

        Assert.All(mentions, m => Assert.Equal(m.Text, text.Substring(m.Offset, m.Text.Length)));
        Assert.Equal(["Theresa May", "Bernard Cazeneuve", "Paris"], mentions.Select(m => m.Text));
    }

    [Fact]
    public void Extract_PrefersTheCityInACountryTheArticleMentions()
    {
        var dover = extractor.Extract("France and the UK agreed. Lorries queued at Dover.").Entities.Single(e => e.Canonical == "Dover");

        Assert.Equal("GB", dover.Place!.CountryCode);
    }
}

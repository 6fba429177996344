using ArticleIndexer.Core.Entities;

namespace ArticleIndexer.Core.Tests.Entities;

/// <summary>Entities across the archive: the alias rules applied to an article, surnames linked across articles, the catalog.</summary>
public class EntityCatalogTests
{
    private readonly TaggedEntityExtractor extractor = new();

    [Fact]
    public void Apply_WithoutRulesOrLinks_ChangesNothing()
    {
        var extracted = extractor.Extract("Home Secretary Theresa May met Bernard Cazeneuve in Calais. May said the UK would pay.");

        Assert.Same(extracted, EntityCatalog.Apply(extracted, AliasRules.Empty, _ => null));
    }

    [Fact]
    public void Apply_AMerge_RenamesTheEntity_AndKeepsTheOldNameAsAnAlias()
    {
        var extracted = extractor.Extract("The EU and the UN met in Brussels.");

        var resolved = EntityCatalog.Apply(extracted, AliasRules.Parse("org: European Union = EU"), _ => null);

        var eu = Assert.Single(resolved.Entities, e => e.Canonical == "European Union");
        Assert.Equal(["European Union", "EU"], eu.Aliases);
        Assert.Contains(resolved.Mentions, m => m is { Text: "EU", Canonical: "European Union" });
        Assert.DoesNotContain(resolved.Entities, e => e.Canonical == "EU");
    }

    [Fact]
    public void Apply_ASplit_GivesTheMentionBackItsWrittenName_WithoutTheRolesOfTheFullName()
    {
        var extracted = extractor.Extract("Home Secretary Theresa May met officials in Calais. May said the UK would pay.");

        var resolved = EntityCatalog.Apply(extracted, AliasRules.Parse("person: May != Theresa May"), _ => null);

        var theresa = Assert.Single(resolved.Entities, e => e.Canonical == "Theresa May");
        var may = Assert.Single(resolved.Entities, e => e.Canonical == "May");
        Assert.Equal((1, 1), (theresa.MentionCount, may.MentionCount));
        Assert.Equal(["Home Secretary"], theresa.Roles);
        Assert.Empty(may.Roles);
    }

    [Fact]
    public void Apply_AMergeOfPlaces_KeepsTheGazetteerFactsOfTheNameThatStays()
    {
        var extracted = extractor.Extract("Lorries queued at Dover and Calais, France and the UK said.");

        var resolved = EntityCatalog.Apply(extracted, AliasRules.Parse("place: Calais = Dover"), _ => null);

        var calais = Assert.Single(resolved.Entities, e => e.Canonical == "Calais");
        Assert.Equal("FR", calais.Place!.CountryCode);
        Assert.Contains("Dover", calais.Aliases);
    }

    [Fact]
    public void LinkSurnames_LinksASurnameAlone_ToTheArchivesOneFullName_WhenTheArticlesShareContext()
    {
        var articles = Articles(
            ("a", "Prime Minister David Cameron met Theresa May in Calais to discuss the Channel Tunnel."),
            ("b", "Cameron told Theresa May in Calais that the fences would hold."));

        var links = EntityCatalog.LinkSurnames(articles, AliasRules.Empty);

        Assert.Equal([new CatalogLink("b", "Cameron", "David Cameron")], links);
    }

    [Fact]
    public void LinkSurnames_LeavesTheSurnameAlone_WithoutSharedContext()
    {
        var articles = Articles(
            ("a", "Prime Minister David Cameron met Theresa May in Calais."),
            ("b", "Cameron scored twice for Leeds in Yorkshire on Saturday."));

        Assert.Empty(EntityCatalog.LinkSurnames(articles, AliasRules.Empty));
    }

    [Fact]
    public void LinkSurnames_LeavesTheSurnameAlone_WhenTheArchiveHasTwoFullNamesEndingWithIt()
    {
        var articles = Articles(
            ("a", "Prime Minister David Cameron met Theresa May in Calais."),
            ("b", "Samantha Cameron met Theresa May in Calais."),
            ("c", "Cameron told Theresa May in Calais that the fences would hold."));

        Assert.Empty(EntityCatalog.LinkSurnames(articles, AliasRules.Empty));
    }

    [Fact]
    public void LinkSurnames_HonoursASplit()
    {
        var articles = Articles(
            ("a", "Prime Minister David Cameron met Theresa May in Calais."),
            ("b", "Cameron told Theresa May in Calais that the fences would hold."));

        Assert.Empty(EntityCatalog.LinkSurnames(articles, AliasRules.Parse("person: Cameron != David Cameron")));
    }

    [Fact]
    public void LinkSurnames_LinksOnlyToAFullName_ThatStartsWithAFirstName()
    {
        var articles = new List<(string Id, EntitySet Set)>
        {
            ("a", Persons(["Both Sears", "Calais", "Theresa May"])),
            ("b", Persons(["Sears", "Calais", "Theresa May"])),
        };

        Assert.Empty(EntityCatalog.LinkSurnames(articles, AliasRules.Empty));
    }

    [Fact]
    public void LinkSurnames_LeavesAWordThatStartsAFullName_Alone()
    {
        var articles = new List<(string Id, EntitySet Set)>
        {
            ("a", Persons(["Michael David", "Calais", "Theresa May"])),
            ("b", Persons(["David Cameron", "Dover", "Kent"])),
            ("c", Persons(["David", "Calais", "Theresa May"])),
        };

        Assert.Empty(EntityCatalog.LinkSurnames(articles, AliasRules.Empty)); // "David" is a first name in this archive
    }

    [Fact]
    public void Build_ListsOneAliasPerSpelling_IgnoringCase()
    {
        var catalog = EntityCatalog.Build(
            [("a", extractor.Extract("UNITED STATES TO CUT RATES\n\nThe United States and the U.S. Treasury said.")), ("b", extractor.Extract("The U.S. economy grew in America."))],
            AliasRules.Empty);

        var us = Assert.Single(catalog.Entities, e => e.Name == "United States");
        Assert.DoesNotContain(us.Aliases, a => string.Equals(a, "United States", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(us.Aliases.Count, us.Aliases.Select(a => a.ToLowerInvariant()).Distinct().Count());
    }

    [Fact]
    public void Build_GivesOneEntityPerKindAndName_WithArticleCountsAndEveryAlias()
    {
        var extracted = new[]
        {
            ("a", extractor.Extract("Prime Minister David Cameron met Theresa May in Calais and in Britain.")),
            ("b", extractor.Extract("Cameron told Theresa May in Calais that the UK would pay. May said so.")),
        };

        var catalog = EntityCatalog.Build(extracted, AliasRules.Empty);

        var cameron = Assert.Single(catalog.Entities, e => e is { Kind: EntityKind.Person, Name: "David Cameron" });
        Assert.Equal(2, cameron.Articles);
        Assert.Equal(["Cameron"], cameron.Aliases);
        Assert.Equal(["Prime Minister"], cameron.Roles);
        var may = Assert.Single(catalog.Entities, e => e is { Kind: EntityKind.Person, Name: "Theresa May" });
        Assert.Equal((2, 3), (may.Articles, may.Mentions));
        var uk = Assert.Single(catalog.Entities, e => e is { Kind: EntityKind.Place, Name: "United Kingdom" });
        Assert.Equal(2, uk.Articles);
        Assert.Superset(new HashSet<string> { "UK", "Britain", "Great Britain", "U.K." }, uk.Aliases.ToHashSet());
        Assert.Equal(EntityKind.Person, catalog.Entities.First(e => e.Articles == 2).Kind); // most articles first
    }

    [Fact]
    public void ReadArticleCount_ReadsTheCountAlone_AndNothingFromAMissingOrDamagedFile()
    {
        using var temp = new Support.TempFolder();
        Assert.Null(EntityCatalog.ReadArticleCount(temp.Path));
        var catalog = EntityCatalog.Build(
            [("a", extractor.Extract("Theresa May met Bernard Cazeneuve in Calais.")), ("b", extractor.Extract("Calais again."))], AliasRules.Empty);
        catalog.Save(temp.Path);

        Assert.Equal(2, EntityCatalog.ReadArticleCount(temp.Path));

        File.WriteAllText(Path.Combine(temp.Path, EntityCatalog.FileName), "{\"format\":99,\"articles\":2,\"entities\":[]}");
        Assert.Null(EntityCatalog.ReadArticleCount(temp.Path));
        File.WriteAllText(Path.Combine(temp.Path, EntityCatalog.FileName), "not json");
        Assert.Null(EntityCatalog.ReadArticleCount(temp.Path));
    }

    [Fact]
    public void SaveAndLoad_KeepTheCatalog()
    {
        using var temp = new Support.TempFolder();
        var catalog = EntityCatalog.Build([("a", extractor.Extract("Theresa May met Bernard Cazeneuve in Calais."))], AliasRules.Parse("place: Calais = Calés"));

        catalog.Save(temp.Path);
        var loaded = EntityCatalog.Load(temp.Path)!;

        Assert.Equal(catalog.Entities.Select(e => (e.Kind, e.Name, e.Articles)), loaded.Entities.Select(e => (e.Kind, e.Name, e.Articles)));
        Assert.Equal(catalog.AliasFingerprint, loaded.AliasFingerprint);
        Assert.Equal("FR", loaded.Entities.Single(e => e.Name == "Calais").Place!.CountryCode);
    }

    [Fact]
    public void Load_OfADamagedFile_IsNone()
    {
        using var temp = new Support.TempFolder();
        File.WriteAllText(temp.Combine(EntityCatalog.FileName), "{\"format\": 1, \"entities\": [");

        Assert.Null(EntityCatalog.Load(temp.Path));
    }

    // An article's entities as given: the first a person, the others places.
    private static EntitySet Persons(string[] names) => new(
        names.Select((n, i) => new Entity(i == 0 || n.Contains("May") ? EntityKind.Person : EntityKind.Place, n, [n], 1, [], null)).ToArray(),
        []);

    private List<(string Id, EntitySet Set)> Articles(params (string Id, string Text)[] texts) =>
        texts.Select(t => (t.Id, EntityCatalog.Apply(extractor.Extract(t.Text), AliasRules.Empty, _ => null))).ToList();
}

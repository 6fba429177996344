using ArticleIndexer.Core.Boilerplate;
using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Normalization;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Reading;
using ArticleIndexer.Core.Search;
using ArticleIndexer.Core.Tests.Support;
using ArticleIndexer.Core.Titles;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArticleIndexer.Core.Tests.Pipeline;

/// <summary>Passes and the archive's entities: the alias file applied on the next pass, surnames linked across articles,
/// the entity catalog kept with the index.</summary>
public sealed class EntityResolutionPassTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly CountingExtractor extractor = new();
    private readonly ArticlePipeline pipeline;
    private readonly string index;

    public EntityResolutionPassTests()
    {
        pipeline = new ArticlePipeline(
            new ArticleProcessor(new ArticleReader(), new TextNormalizer(), new LineBoilerplateStripper(), new TitleFinder(), extractor),
            TimeProvider.System,
            NullLogger<ArticlePipeline>.Instance);
        index = temp.Combine("index");
        Directory.CreateDirectory(index);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Run_AppliesAChangedAliasFile_OnTheNextPass_WithoutExtractingAgain()
    {
        var source = temp.CopySeeds();
        pipeline.Run(source, index);
        File.WriteAllText(AliasRules.PathFor(index), "org: European Union = EU\n");

        var second = pipeline.Run(source, index);

        Assert.Equal((0, 5, 5), (second.Indexed, second.Unchanged, extractor.Calls));
        using var searcher = ArticleSearcher.Open(index).Searcher!;
        Assert.Equal([Seeds.Headline, Seeds.Itv], Ids(searcher, new SearchRequest { Org = "European Union" }));
        Assert.Equal([Seeds.Headline, Seeds.Itv], Ids(searcher, new SearchRequest { Org = "EU" })); // the old name is an alias
        Assert.Contains(searcher.Get(Seeds.Itv)!.Entities.Entities, e => e is { Kind: EntityKind.Organization, Canonical: "European Union" });
        var eu = Assert.Single(searcher.TopEntities(EntityKind.Organization, 50), e => e.Name == "European Union");
        Assert.Equal(2, eu.Articles);
        Assert.Equal(["EU"], eu.Aliases);
    }

    [Fact]
    public void Run_UndoesTheAliases_WhenTheFileIsRemoved()
    {
        var source = temp.CopySeeds();
        File.WriteAllText(AliasRules.PathFor(index), "org: European Union = EU\n");
        pipeline.Run(source, index);
        File.Delete(AliasRules.PathFor(index));

        pipeline.Run(source, index);

        using var searcher = ArticleSearcher.Open(index).Searcher!;
        Assert.Contains(searcher.TopEntities(EntityKind.Organization, 50), e => e.Name == "EU");
        Assert.DoesNotContain(searcher.TopEntities(EntityKind.Organization, 50), e => e.Name == "European Union");
    }

    [Fact]
    public void Run_SkipsABadAliasLine_AndAppliesTheOthers()
    {
        var source = temp.CopySeeds();
        File.WriteAllText(AliasRules.PathFor(index), "org European Union = EU\nplace: Coquelles = Calais Coquelles\nperson: May != Theresa May\n");

        var summary = pipeline.Run(source, index);

        Assert.Null(summary.Error);
        using var searcher = ArticleSearcher.Open(index).Searcher!;
        var people = searcher.TopEntities(EntityKind.Person, 50).Select(e => e.Name).ToList();
        Assert.Contains("May", people); // line 3 applied: "May said" is no longer Theresa May
        Assert.DoesNotContain(searcher.TopEntities(EntityKind.Organization, 50), e => e.Name == "European Union"); // line 1 is bad
    }

    [Fact]
    public void Run_LinksASurnameAlone_ToTheFullNameOfAnotherArticle_AndASplitUndoesIt()
    {
        var source = temp.Combine("source");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "a.txt"), Article("Cameron and May meet in Calais",
            "Prime Minister David Cameron met Theresa May in Calais on Friday to discuss the migrants waiting near the Channel Tunnel."));
        File.WriteAllText(Path.Combine(source, "b.txt"), Article("Fences will hold, ministers say",
            "Cameron told Theresa May in Calais on Monday that the new fences around the terminal would hold through the summer."));

        pipeline.Run(source, index);
        using (var searcher = ArticleSearcher.Open(index).Searcher!)
        {
            Assert.Equal(["a", "b"], Ids(searcher, new SearchRequest { Person = "David Cameron" }));
            Assert.Contains(searcher.Get("b")!.Entities.Entities, e => e is { Canonical: "David Cameron", Aliases: ["David Cameron", "Cameron"] });
        }

        File.WriteAllText(AliasRules.PathFor(index), "person: Cameron != David Cameron\n");
        pipeline.Run(source, index);
        using (var searcher = ArticleSearcher.Open(index).Searcher!)
        {
            Assert.Equal(["a"], Ids(searcher, new SearchRequest { Person = "David Cameron" }));
        }
    }

    [Fact]
    public void Run_KeepsTheCatalogWithTheIndex_CountingWhatTheIndexHolds()
    {
        var source = temp.CopySeeds();
        pipeline.Run(source, index);
        File.Delete(Path.Combine(source, Seeds.Kent + ".txt"));

        pipeline.Run(source, index);

        var catalog = EntityCatalog.Load(index)!;
        Assert.Equal(4, catalog.ArticleCount);
        Assert.Equal(4, catalog.Entities.Single(e => e.Name == "Theresa May").Articles);
        Assert.DoesNotContain(catalog.Entities, e => e.Name == "Natacha Bouchart"); // only in the deleted article
    }

    [Fact]
    public void Run_WritesTheCatalogAgain_WhenItIsMissing()
    {
        var source = temp.CopySeeds();
        pipeline.Run(source, index);
        File.Delete(Path.Combine(index, EntityCatalog.FileName));

        pipeline.Run(source, index);

        Assert.Equal(5, EntityCatalog.Load(index)!.ArticleCount);
    }

    private static string Article(string title, string body) => $"{title}\n\n{body}\n\nOfficials said more talks would follow next week in Paris and London.\n";

    private static string[] Ids(ArticleSearcher searcher, SearchRequest request) =>
        searcher.Search(request with { Limit = 50 }).Results!.Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToArray();

    private sealed class CountingExtractor : IEntityExtractor
    {
        private readonly TaggedEntityExtractor inner = new();

        public int Calls { get; private set; }

        public EntitySet Extract(string text)
        {
            Calls++;
            return inner.Extract(text);
        }
    }
}

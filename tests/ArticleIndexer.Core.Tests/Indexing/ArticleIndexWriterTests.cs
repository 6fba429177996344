using ArticleIndexer.Core.Entities;
using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Search;
using ArticleIndexer.Core.Tests.Support;
using Lucene.Net.Store;

namespace ArticleIndexer.Core.Tests.Indexing;

public class ArticleIndexWriterTests
{
    [Fact]
    public void Upsert_TwiceGivesOneDocument()
    {
        using var directory = new RAMDirectory();
        var article = Seeds.Process(Seeds.Headline);
        using (var writer = ArticleIndexWriter.Open(directory))
        {
            writer.Upsert(article, DateTimeOffset.UnixEpoch, ArticleProcessor.Version);
            writer.Upsert(article, DateTimeOffset.UnixEpoch, ArticleProcessor.Version);
            writer.Commit(new Dictionary<string, string>());
        }

        var result = ArticleSearcher.Open(directory);

        Assert.Equal(1, result.Searcher!.DocumentCount);
    }

    [Fact]
    public void ReadState_ReturnsHashAndPipelineVersion_PerId()
    {
        using var directory = new RAMDirectory();
        var article = Seeds.Process(Seeds.Kent);
        using var writer = ArticleIndexWriter.Open(directory);
        writer.Upsert(article, DateTimeOffset.UnixEpoch, "7");
        writer.Commit(new Dictionary<string, string>());

        var state = writer.ReadState();

        Assert.Equal(new IndexedState(article.ContentHash, "7", article.File.Length, article.File.LastWriteUtc.Ticks), state[Seeds.Kent]);
        Assert.True(state[Seeds.Kent].Matches(article.File));
    }

    [Fact]
    public void ReadState_ReadsADocumentWithoutTheStateColumn_FromItsStoredFields()
    {
        using var directory = new RAMDirectory();
        var article = Seeds.Process(Seeds.Kent);

        // A document as pipeline 7 wrote it before the state column: the same stored fields, no doc values.
        var old = ArticleDocumentBuilder.Build(article with { File = Some.File("old.txt") }, DateTimeOffset.UnixEpoch, "6");
        old.RemoveField(ArticleFields.State);
        using (var lucene = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(ArticleAnalyzers.Version, ArticleAnalyzers.Create())))
        {
            lucene.AddDocument(old);
            lucene.Commit();
        }

        using var writer = ArticleIndexWriter.Open(directory);
        writer.Upsert(article, DateTimeOffset.UnixEpoch, "7");
        writer.Commit(new Dictionary<string, string>());
        var state = writer.ReadState();

        Assert.Equal(new IndexedState(article.ContentHash, "7", article.File.Length, article.File.LastWriteUtc.Ticks), state[Seeds.Kent]);
        Assert.Equal(new IndexedState(article.ContentHash, "6", 100, DateTime.UnixEpoch.Ticks), state["old"]);
    }

    [Theory]
    [InlineData("some/article", "0123abcd", "7", 12_345L, 638_000_000_000_000_000L)]
    [InlineData("ünïcode/名前", "", "", null, null)]
    public void State_RoundTripsThroughItsDocValue(string id, string hash, string version, long? length, long? ticks)
    {
        var state = new IndexedState(hash, version, length, ticks);

        Assert.Equal((id, state), ArticleDocumentBuilder.DecodeState(ArticleDocumentBuilder.EncodeState(id, state)));
    }

    [Fact]
    public void ApplyResolution_KeepsTheFilesSizeAndWriteTime_AndWhatItsPageSaid()
    {
        using var directory = new RAMDirectory();
        var page = new ArticleIndexer.Core.Html.PageMetadata(Author: "Anne Penketh", Published: "2015-08-20", CanonicalUrl: "https://example.org/a", SiteName: "Example News", Language: "en");
        var article = Seeds.Process(Seeds.Kent) with { Page = page };
        using var writer = ArticleIndexWriter.Open(directory);
        writer.Upsert(article, DateTimeOffset.UnixEpoch, "7");
        writer.Commit(new Dictionary<string, string>());

        var changed = writer.ApplyResolution((_, extracted) => extracted with { Entities = [.. extracted.Entities.Skip(1)] });
        writer.Commit(new Dictionary<string, string>());

        Assert.Equal(1, changed);
        Assert.True(writer.ReadState()[Seeds.Kent].Matches(article.File));
        using var searcher = ArticleSearcher.Open(directory).Searcher!;
        var hit = searcher.Get(Seeds.Kent)!;
        Assert.Equal(("Anne Penketh", "2015-08-20", "Example News"), (hit.Page?.Author, hit.Page?.Published, hit.Page?.SiteName));
    }

    [Fact]
    public void ApplyResolution_ReIndexesADocument_OnlyWhenItsResolutionChanges()
    {
        using var directory = new RAMDirectory();
        using var writer = ArticleIndexWriter.Open(directory);
        foreach (var id in Seeds.All)
        {
            writer.Upsert(Seeds.Process(id), DateTimeOffset.UnixEpoch, "7");
        }

        writer.Commit(new Dictionary<string, string>());
        EntitySet DropFirstOfKent(string id, EntitySet extracted) =>
            id == Seeds.Kent ? extracted with { Entities = [.. extracted.Entities.Skip(1)] } : extracted;

        var unchanged = writer.ApplyResolution((_, extracted) => extracted);
        var first = writer.ApplyResolution(DropFirstOfKent);
        writer.Commit(new Dictionary<string, string>());
        var again = writer.ApplyResolution(DropFirstOfKent);
        var back = writer.ApplyResolution((_, extracted) => extracted);
        writer.Commit(new Dictionary<string, string>());

        Assert.Equal((0, 1, 0, 1), (unchanged, first, again, back));
        using var searcher = ArticleSearcher.Open(directory).Searcher!;
        Assert.Equal(ArticleJson.Write(Seeds.Process(Seeds.Kent).Entities), ArticleJson.Write(searcher.Get(Seeds.Kent)!.Entities));
        Assert.Equal(Seeds.All.Order(), writer.ReadExtractedEntities().Select(a => a.Id).Order());
    }

    [Fact]
    public void ReadExtractedEntities_ReadsADocumentWrittenBeforeTheEntityColumns_FromItsStoredJson()
    {
        using var directory = new RAMDirectory();
        var article = Seeds.Process(Seeds.Kent);

        // A document as pipeline 8 wrote it: the extracted entities as stored JSON, no entity columns.
        var old = ArticleDocumentBuilder.Build(article, DateTimeOffset.UnixEpoch, "8");
        old.RemoveField(ArticleFields.EntityData);
        old.RemoveField(ArticleFields.ResolvedData);
        old.Add(new Lucene.Net.Documents.StoredField(ArticleFields.Entities, ArticleJson.Write(article.Entities)));
        old.Add(new Lucene.Net.Documents.StoredField(ArticleFields.ResolvedEntities, ArticleJson.Write(article.Entities)));
        using (var lucene = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(ArticleAnalyzers.Version, ArticleAnalyzers.Create())))
        {
            lucene.AddDocument(old);
            lucene.Commit();
        }

        EntitySet shownBefore;
        using (var before = ArticleSearcher.Open(directory).Searcher!)
        {
            shownBefore = before.Get(Seeds.Kent)!.Entities;
        }

        using var writer = ArticleIndexWriter.Open(directory);
        var (id, extracted) = Assert.Single(writer.ReadExtractedEntities());
        var unchanged = writer.ApplyResolution((_, entities) => entities);
        var changed = writer.ApplyResolution((_, entities) => entities with { Entities = [.. entities.Entities.Skip(1)] });
        writer.Commit(new Dictionary<string, string>());

        Assert.Equal(Seeds.Kent, id);
        Assert.Equal(ArticleJson.Write(article.Entities), ArticleJson.Write(extracted));
        Assert.Equal((0, 1), (unchanged, changed));
        Assert.Equal(ArticleJson.Write(article.Entities), ArticleJson.Write(Assert.Single(writer.ReadExtractedEntities()).Extracted));
        Assert.Equal(ArticleJson.Write(article.Entities), ArticleJson.Write(shownBefore));
        using var searcher = ArticleSearcher.Open(directory).Searcher!;
        Assert.Equal(article.Entities.Entities.Skip(1).Select(e => e.Canonical), searcher.Get(Seeds.Kent)!.Entities.Entities.Select(e => e.Canonical));
    }

    [Fact]
    public void ReadLineRepeats_CountsTheLineKeysOfLiveDocumentsOnly()
    {
        using var directory = new RAMDirectory();
        var article = Seeds.Process(Seeds.Headline);
        using var writer = ArticleIndexWriter.Open(directory);
        writer.Upsert(article with { File = Some.File("a.txt"), LineKeys = [1, 2, 3] }, DateTimeOffset.UnixEpoch, "1");
        writer.Upsert(article with { File = Some.File("b.txt"), LineKeys = [2, 3] }, DateTimeOffset.UnixEpoch, "1");
        writer.Upsert(article with { File = Some.File("c.txt"), LineKeys = [3, ulong.MaxValue] }, DateTimeOffset.UnixEpoch, "1");
        writer.Upsert(article with { File = Some.File("d.txt"), LineKeys = [ulong.MaxValue] }, DateTimeOffset.UnixEpoch, "1");
        writer.Commit(new Dictionary<string, string>());
        writer.Delete("a");
        writer.Upsert(article with { File = Some.File("b.txt"), LineKeys = [2] }, DateTimeOffset.UnixEpoch, "1");
        writer.Commit(new Dictionary<string, string>());

        var repeats = writer.ReadLineRepeats();

        Assert.Equal((3, 1), (repeats.Articles, repeats.RepeatedLines));
        Assert.Equal([0, 0, 0, 2], new[] { 1UL, 2UL, 3UL, ulong.MaxValue }.Select(repeats.ArticlesContaining));
    }

    [Fact]
    public void Upsert_KeepsTheLineKeys_OfAnArticleWithThousandsOfLines()
    {
        using var directory = new RAMDirectory();
        var keys = Enumerable.Range(1, 10_000).Select(i => (ulong)i).ToArray();
        using var writer = ArticleIndexWriter.Open(directory);
        foreach (var name in new[] { "a.txt", "b.txt" })
        {
            writer.Upsert(Seeds.Process(Seeds.Headline) with { File = Some.File(name), LineKeys = keys }, DateTimeOffset.UnixEpoch, "1");
        }

        writer.Commit(new Dictionary<string, string>());

        Assert.Equal(10_000, writer.ReadLineRepeats().RepeatedLines);
    }

    [Fact]
    public void Key_FoldsCaseAndAccents() =>
        Assert.Equal("sao paulo", ArticleAnalyzers.Key("  São   PAULO "));
}

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

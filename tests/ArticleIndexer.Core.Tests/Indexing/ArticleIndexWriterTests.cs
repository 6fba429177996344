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

        Assert.Equal(new IndexedState(article.ContentHash, "7"), state[Seeds.Kent]);
    }

    [Fact]
    public void Key_FoldsCaseAndAccents() =>
        Assert.Equal("sao paulo", ArticleAnalyzers.Key("  São   PAULO "));
}

using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Core.Search;
using ArticleIndexer.Operations.Tests.Support;

namespace ArticleIndexer.Operations.Tests.Search;

/// <summary>The CLI's searcher opening an index root laid out in generations.</summary>
public sealed class ArticleSearcherGenerationTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly IndexLayout layout;

    public ArticleSearcherGenerationTests()
    {
        layout = new IndexLayout(temp.Combine("index"));
        Seeds.CopyTo(temp.Combine("all"));
        Seeds.CopyTo(temp.Combine("first-two"), count: 2);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Open_ReadsTheGenerationCurrentNames()
    {
        Assert.Null(new ArticlePipeline().Run(temp.Combine("all"), layout.PathOf("gen-000001")).Error);
        Assert.Null(new ArticlePipeline().Run(temp.Combine("first-two"), layout.PathOf("gen-000002")).Error);

        layout.SwitchTo("gen-000002");
        Assert.Equal(2, DocumentsInRoot());

        layout.SwitchTo("gen-000001");
        Assert.Equal(5, DocumentsInRoot());
    }

    [Fact]
    public void Stats_GivesTheSizeAndLineRepeatsOfTheCurrentGeneration_NotOfTheRoot()
    {
        Assert.Null(new ArticlePipeline().Run(temp.Combine("all"), layout.PathOf("gen-000001")).Error);
        layout.SwitchTo("gen-000001");
        var builder = new Core.Boilerplate.LineRepeats.Builder();
        builder.Add([1, 2]);
        builder.Add([1, 2, 3]);
        LineRepeatsFile.Save(layout.PathOf("gen-000001"), builder.Build());
        File.WriteAllBytes(Path.Combine(layout.Root, "worker.db"), new byte[1_000_000]);

        using var searcher = ArticleSearcher.Open(layout.Root).Searcher!;
        var stats = searcher.Stats();

        Assert.Equal(2, stats.RepeatedLines);
        Assert.Equal(Directory.GetFiles(layout.PathOf("gen-000001")).Sum(f => new FileInfo(f).Length), stats.SizeBytes);
    }

    [Fact]
    public void Stats_HasNoRepeatedLines_WhenTheIndexKeepsNoTable()
    {
        Assert.Null(new ArticlePipeline().Run(temp.Combine("all"), layout.PathOf("gen-000001")).Error);
        layout.SwitchTo("gen-000001");
        File.Delete(LineRepeatsFile.PathIn(layout.PathOf("gen-000001")));

        using var searcher = ArticleSearcher.Open(layout.Root).Searcher!;

        Assert.Null(searcher.Stats().RepeatedLines);
    }

    [Fact]
    public void Open_ReadsAV1Root_WhichHasNoCurrent()
    {
        Assert.Null(new ArticlePipeline().Run(temp.Combine("all"), layout.Root).Error);

        Assert.Equal(5, DocumentsInRoot());
    }

    [Fact]
    public void Open_SaysTheIndexIsMissing_WhenCurrentNamesAGenerationThatIsGone()
    {
        Assert.Null(new ArticlePipeline().Run(temp.Combine("all"), layout.PathOf("gen-000001")).Error);
        layout.SwitchTo("gen-000002");

        var opened = ArticleSearcher.Open(layout.Root);

        Assert.Null(opened.Searcher);
        Assert.Equal(IndexProblem.Missing, opened.Problem);
    }

    private int? DocumentsInRoot()
    {
        var opened = ArticleSearcher.Open(layout.Root);
        using var searcher = opened.Searcher;
        Assert.Null(opened.Problem);
        return searcher?.DocumentCount;
    }
}

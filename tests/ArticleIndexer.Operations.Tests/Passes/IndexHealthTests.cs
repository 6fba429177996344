using ArticleIndexer.Core.Indexing;
using ArticleIndexer.Core.Pipeline;
using ArticleIndexer.Operations.History;
using ArticleIndexer.Operations.Passes;
using ArticleIndexer.Operations.Tests.Support;

namespace ArticleIndexer.Operations.Tests.Passes;

/// <summary>The start-up check of the index a process is about to write, on indexes built from the seeds.</summary>
public sealed class IndexHealthTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly IndexTarget target;
    private readonly IndexLayout layout;

    public IndexHealthTests()
    {
        Seeds.CopyTo(temp.Combine("seeds"));
        target = IndexTarget.Resolve(temp.Combine("seeds"), temp.Combine("index"), null);
        layout = new IndexLayout(target.IndexRoot);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Checks_FindNothingWrong_WhenThereIsNoIndexYet()
    {
        Assert.Null(IndexHealth.CheckQuickly(layout));
        Assert.Null(IndexHealth.CheckThoroughly(layout));
    }

    [Fact]
    public void Checks_FindNothingWrong_WithASoundGeneration()
    {
        IndexSeeds();

        Assert.Null(IndexHealth.CheckQuickly(layout));
        Assert.Null(IndexHealth.CheckThoroughly(layout));
    }

    [Fact]
    public void Checks_FindNothingWrong_WithASoundV1Index()
    {
        Assert.Null(new ArticlePipeline().Run(target.SourceFolder, target.IndexRoot).Error);

        Assert.Null(IndexHealth.CheckQuickly(layout));
        Assert.Null(IndexHealth.CheckThoroughly(layout));
    }

    [Fact]
    public void Checks_SayTheGenerationIsDamagedAndHowToRebuild_WhenAFileOfItIsTruncated()
    {
        IndexSeeds();
        var largest = new DirectoryInfo(layout.PathOf("gen-000001")).GetFiles().MaxBy(file => file.Length)!;
        using (var stream = largest.Open(FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(stream.Length / 2);
        }

        foreach (var message in new[] { IndexHealth.CheckQuickly(layout), IndexHealth.CheckThoroughly(layout) })
        {
            Assert.NotNull(message);
            Assert.Contains($"the index at '{layout.PathOf("gen-000001")}' is damaged", message, StringComparison.Ordinal);
            Assert.Contains("--rebuild", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CheckQuickly_StillFindsAFileTruncatedAfterItsSegmentWasVerified()
    {
        IndexSeeds();
        Assert.Null(IndexHealth.CheckQuickly(layout)); // its segments are now remembered as verified
        var largest = new DirectoryInfo(layout.PathOf("gen-000001")).GetFiles().MaxBy(file => file.Length)!;
        using (var stream = largest.Open(FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(stream.Length / 2);
        }

        Assert.NotNull(IndexHealth.CheckQuickly(layout));
    }

    [Fact]
    public void CheckQuickly_SaysTheGenerationIsDamaged_WhenCurrentNamesAFolderWithNoIndex()
    {
        Directory.CreateDirectory(layout.PathOf("gen-000001"));
        layout.SwitchTo("gen-000001");

        var message = IndexHealth.CheckQuickly(layout);

        Assert.NotNull(message);
        Assert.Contains("CURRENT names gen-000001 but it holds no index", message, StringComparison.Ordinal);
        Assert.Contains("--rebuild", message, StringComparison.Ordinal);
    }

    private void IndexSeeds() =>
        Assert.Equal(PassStatus.Completed, new IndexPassRunner().Run(PassKind.Incremental, target, "test", null, CancellationToken.None).Status);
}
